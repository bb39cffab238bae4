<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditFields</name>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="26"/>
        <source>Package kind</source>
        <translation>移交包类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="27"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="28"/>
        <source>Written to</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="29"/>
        <source>SHA-256 of the zip</source>
        <translation>压缩包 SHA-256</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="30"/>
        <source>SHA-256 of the tag manifest</source>
        <translation>标签清单 SHA-256</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="31"/>
        <source>Size of the zip (bytes)</source>
        <translation>压缩包大小（字节）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="32"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="33"/>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="34"/>
        <source>Size of the records (bytes)</source>
        <translation>档案大小（字节）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="35"/>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="36"/>
        <source>Exported by</source>
        <translation>导出人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="37"/>
        <source>Reason for exporting anyway</source>
        <translation>强制导出的理由</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="22"/>
        <source>Handover package exported</source>
        <translation>导出移交包</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="23"/>
        <source>Station key saved</source>
        <translation>导出站点公钥</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="24"/>
        <source>Handover register</source>
        <translation>移交记录</translation>
    </message>
</context>
<context>
    <name>ExportHistory</name>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="41"/>
        <source>Handover register</source>
        <translation>移交记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="44"/>
        <source>No package has been exported yet. Each export is listed here with its hash.</source>
        <translation>还没有导出过移交包。每次导出都会记在这里，连同压缩包的哈希值。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="47"/>
        <source>Exported</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="47"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="47"/>
        <source>Package</source>
        <translation>移交包</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="47"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="47"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="48"/>
        <source>SHA-256 of the zip</source>
        <translation>压缩包 SHA-256</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="48"/>
        <source>By</source>
        <translation>导出人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="48"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="48"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="62"/>
        <source>Print the registration form…</source>
        <translation>打印登记表…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="64"/>
        <source>Verify this package</source>
        <translation>校验此包</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="66"/>
        <source>Copy the SHA-256</source>
        <translation>复制 SHA-256</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="86"/>
        <source>%1 (not there now)</source>
        <translation>%1（现已不在）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="88"/>
        <source>Exported anyway: %1</source>
        <translation>强制导出：%1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="117"/>
        <source>%1 is not there any more (a USB drive unplugged, or the file moved). Plug the drive in again, or open the file on the Verify tab.</source>
        <translation>%1 不在原处（U 盘已拔出，或文件已移动）。请重新插入 U 盘，或在“校验移交包”页中选择该文件。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_history.py" line="129"/>
        <source>Registration form</source>
        <translation>登记表</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="49"/>
        <source>Yearly Export</source>
        <translation>年度移交</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="58"/>
        <source>Once a year the station hands its archives to the subdistrict (Article 24): one zip with a BagIt bag of the year&apos;s finalised items and their files, the catalogue, the handover list and the registers, signed with the station&apos;s key. Beside it: its SHA-256 and a registration form for both sides to sign. A service project&apos;s cycle can be handed over the same way, with the project&apos;s items and registers.</source>
        <translation>站点每年向街道移交档案（第二十四条）：一个 zip 压缩包，内含 BagIt 包，装有本年度已归档的档案及其文件、归档文件目录、移交清单和各登记簿册，并用站点密钥签名。旁边附有它的 SHA-256 和供双方签字的登记表。服务项目的一个项目周期也可以同样移交，包内是该项目的档案和登记簿册。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="64"/>
        <source>Export a year or a project…</source>
        <translation>导出年度或项目…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="66"/>
        <source>Save the station&apos;s public key…</source>
        <translation>导出站点公钥…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="67"/>
        <source>For the subdistrict to register once: it then checks every package&apos;s signature against this key.</source>
        <translation>交街道登记一次：此后街道用它核对每个移交包的签名。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="77"/>
        <source>Only the archivist (or the administrator) can export.</source>
        <translation>只有档案员（或管理员）可以导出。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="83"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="85"/>
        <source>Verify a package</source>
        <translation>校验移交包</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="96"/>
        <source>Save the station&apos;s public key to</source>
        <translation>站点公钥保存到</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="105"/>
        <source>Station&apos;s public key</source>
        <translation>站点公钥</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_page.py" line="106"/>
        <source>Saved %1.

Fingerprint: %2
(the same as the 站点公钥指纹 on every registration form).

Give it to the subdistrict to register once; when it verifies a package it chooses this file as the registered public key.</source>
        <translation>已保存 %1。

指纹：%2
（与每份登记表上的“站点公钥指纹”相同）。

请交街道登记一次；街道校验移交包时，选择此文件作为“登记的站点公钥”。</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="314"/>
        <source>Export a handover package</source>
        <translation>导出档案移交包</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="268"/>
        <source>Package written</source>
        <translation>移交包已生成</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="277"/>
        <source>Print the registration form…</source>
        <translation>打印登记表…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="280"/>
        <source>Both sides sign the form. The receiver checks the package with the verifier (Yearly Export → Verify a package, or sgz verify).</source>
        <translation>登记表由双方签字。接收方用校验功能核对移交包（“年度移交 → 校验移交包”，或 sgz verify）。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="288"/>
        <source>Package: %1</source>
        <translation>移交包：%1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="289"/>
        <source>%1 items, %2 files, %3; zip %4.</source>
        <translation>%1 件档案，%2 个文件，%3；压缩包 %4。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="291"/>
        <source>SHA-256 of the zip (also in %1):</source>
        <translation>压缩包的 SHA-256（也保存在 %1 中）：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="293"/>
        <source>Project %1, cycle %2.</source>
        <translation>服务项目：%1，项目周期：%2。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="296"/>
        <source>Exported anyway with %1 open matters; the reason is in the audit log.</source>
        <translation>已强制导出，仍有 %1 项未处理；理由已记入操作日志。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="306"/>
        <source>Registration form</source>
        <translation>登记表</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="258"/>
        <source>Free on this drive: %1; the package needs about %2.</source>
        <translation>该位置所在磁盘可用空间 %1，移交包约需 %2。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="261"/>
        <source>Not enough room: choose a larger drive or make room first.</source>
        <translation>空间不足：请换一个空间更大的 U 盘，或先腾出空间。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="204"/>
        <source>Target folder</source>
        <translation>目标文件夹</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="205"/>
        <source>Choose where to write the package, for example a USB drive. Beside the zip come its .sha256 file and the registration form to print.</source>
        <translation>选择移交包的保存位置，例如 U 盘。压缩包旁会同时生成 .sha256 文件和待打印的登记表。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="212"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="216"/>
        <source>Replace a package of the same name in this folder</source>
        <translation>覆盖该文件夹中的同名移交包</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="218"/>
        <source>Also give each item its metadata as XML (metadata.xml), for archive systems that take XML</source>
        <translation>每件档案另附 XML 元数据（metadata.xml），供要求 XML 的档案系统读取</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="222"/>
        <source>Next starts the export; it can be cancelled, and a cancelled export leaves nothing behind.</source>
        <translation>点“下一步”开始导出；导出可以取消，取消后不留下任何文件。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="228"/>
        <source>Choose the target folder</source>
        <translation>选择目标文件夹</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="249"/>
        <source>Exporting the yearly package</source>
        <translation>正在导出年度移交包</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="250"/>
        <source>Exporting the project&apos;s package</source>
        <translation>正在导出项目移交包</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="254"/>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="257"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="43"/>
        <source>Package (.zip):</source>
        <translation>移交包（.zip）：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="43"/>
        <source>Zip files (*.zip)</source>
        <translation>压缩包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="44"/>
        <source>Registered public key (optional):</source>
        <translation>登记的站点公钥（可选）：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="45"/>
        <source>Public keys (*.pem);;All files (*)</source>
        <translation>公钥文件 (*.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="46"/>
        <source>Registration form (optional):</source>
        <translation>登记表（可选）：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="46"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="49"/>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="52"/>
        <source>Open the report</source>
        <translation>查看校验报告</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="55"/>
        <source>Save the report (PDF and JSON)…</source>
        <translation>保存校验报告（PDF 和 JSON）…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="70"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="70"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="79"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="105"/>
        <source>Choose the package (.zip) to verify.</source>
        <translation>请选择要校验的移交包（.zip）。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="110"/>
        <source>File not found: %1</source>
        <translation>找不到文件：%1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="117"/>
        <source>Verifying the package</source>
        <translation>正在校验移交包</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="121"/>
        <source>Verification failed</source>
        <translation>校验出错</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="131"/>
        <source>Open a package to check its authenticity, completeness, usability and security (DA/T 70).</source>
        <translation>打开移交包，检测其真实性、完整性、可用性和安全性（DA/T 70 四性检测）。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="137"/>
        <source>Passed: all 15 checks.</source>
        <translation>通过：15 项检查全部合格。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="139"/>
        <source>Not passed: %1 of 15 checks failed.</source>
        <translation>不通过：15 项检查中有 %1 项未通过。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="140"/>
        <source>%1 · %2 · year %3 · %4 items · SHA-256 %5</source>
        <translation>%1 · %2 · %3 年度 · %4 件 · SHA-256 %5</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="144"/>
        <source>%1 · %2 · %3 · %4 items · SHA-256 %5</source>
        <translation>%1 · %2 · %3 · %4 件 · SHA-256 %5</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="152"/>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="156"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="152"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="156"/>
        <source>Failed (%1)</source>
        <translation>未通过（%1 处）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="180"/>
        <source>Verification report</source>
        <translation>校验报告</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="185"/>
        <source>Save the report to</source>
        <translation>校验报告保存到</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="189"/>
        <source>Report saved</source>
        <translation>已保存校验报告</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/verify_page.py" line="189"/>
        <source>Saved %1 and its JSON copy.</source>
        <translation>已保存 %1 及其 JSON 副本。</translation>
    </message>
</context>
<context>
    <name>YearPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="59"/>
        <source>Scope and pre-check</source>
        <translation>移交范围与预检</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="60"/>
        <source>A year&apos;s package holds the year&apos;s finalised archive items; a project&apos;s package holds the project&apos;s items dated within its cycle. Both carry the catalogue, the handover list and the registers.</source>
        <translation>年度移交包装有该年度已归档的档案；项目移交包装有该项目在项目周期内的档案。两者都附有归档文件目录、移交清单和登记簿册。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="65"/>
        <source>Archival year:</source>
        <translation>档案年度：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="77"/>
        <source>Project cycle:</source>
        <translation>项目周期：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="82"/>
        <source>open</source>
        <translation>未结束</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="94"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="94"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="94"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="95"/>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="95"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="95"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="100"/>
        <source>To settle before the export:</source>
        <translation>导出前需处理：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="104"/>
        <source>Export anyway (the archivist&apos;s decision, recorded in the audit log)</source>
        <translation>仍然导出（由档案员决定，记入操作日志）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="108"/>
        <source>Reason for exporting anyway</source>
        <translation>强制导出的理由</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="145"/>
        <source>%1 items, %2 files, %3 pages, %4.</source>
        <translation>%1 件，%2 个文件，%3 页，%4。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="148"/>
        <source>Project cycle %1 to %2: </source>
        <translation>项目周期 %1 至 %2：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="151"/>
        <source>The project has no end date: its cycle runs to today.</source>
        <translation>该项目没有结束日期，项目周期计至今天。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/export_wizard.py" line="154"/>
        <source>Already exported on %1 by %2 (%3, %4 items). Exporting again writes a new package with a new hash; sign its registration form again.</source>
        <translation>已于 %1 由 %2 导出过（%3，%4 件）。再次导出会生成一个新的移交包，哈希值不同，登记表需重新签字。</translation>
    </message>
</context>
</TS>
