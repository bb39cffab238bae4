"""The yearly handover package (年度档案移交包, Art. 24): a zip holding one BagIt 1.0 bag, and its verifier.

    zipwriter   streaming zip writer: each file read once, hashed while written, append-only output
    bag         the BagIt layer over it: payload, manifests, bag-info.txt, tag manifest, signature
    layout      names and value sets shared by the exporter and the verifier (档号, 期限, 密级, formats)
    zipread     safe reading of an untrusted zip without extracting it (limits, slices, one pass)
    content     what a file really is: format by signature, PDF pages/password/JavaScript, macros
    verify      the 15 checks of the four properties (真实性, 完整性, 可用性, 安全性)
    verify_items, verify_records   the checks on each archive item, and on the package's other contents
    collect     the year's finalised archive items and what blocks an export, from the station
    spool       the export's items spooled to its work folder, read back by each part
    registers   the registers every area adds to the package (``register_section``)
    export      ``export_year``: the package, its .sha256 and the registration form (登记表)

The verifier modules import nothing that needs a station, a database or a keyring.
"""
