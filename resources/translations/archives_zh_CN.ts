<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArchivesPage</name>
    <message>
        <source>Read only: your role cannot register or file archive items.</source>
        <translation>只读：您的角色不能登记或归档档案。</translation>
    </message>
    <message>
        <source>You register items and their files; the archivist (档案员) files them and gives their archive numbers.</source>
        <translation>您可以登记档案及其文件；由档案员归档并编制档号。</translation>
    </message>
    <message>
        <source>Show all items</source>
        <translation>显示全部档案</translation>
    </message>
    <message>
        <source>Archive number</source>
        <translation>档号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构（问题）</translation>
    </message>
    <message>
        <source>Item no.</source>
        <translation>件号</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Responsible party</source>
        <translation>责任者</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Archive items</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>登记档案…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>File a record…</source>
        <translation>转为档案…</translation>
    </message>
    <message>
        <source>Turn a training session, a reviewed voucher or a volunteer activity into an archive item with its files.</source>
        <translation>把培训记录、已审核的财务凭证或志愿服务活动连同其文件转为档案。</translation>
    </message>
    <message>
        <source>File (归档)</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>File the chosen item</source>
        <translation>归档选中的档案</translation>
    </message>
    <message>
        <source>File every draft in the list…</source>
        <translation>归档列表中的全部草稿…</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>删除草稿…</translation>
    </message>
    <message>
        <source>Catalogue…</source>
        <translation>归档文件目录…</translation>
    </message>
    <message>
        <source>Due for appraisal…</source>
        <translation>到期鉴定…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部门类</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>全部保管期限</translation>
    </message>
    <message>
        <source>Drafts and filed</source>
        <translation>草稿和已归档</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>全部服务项目</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Choose an item in the list first.</source>
        <translation>请先在列表中选择一件档案。</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>File a record</source>
        <translation>转为档案</translation>
    </message>
    <message>
        <source>“%1” is now a draft archive item with %2 files. Check its details; the archivist then files it.</source>
        <translation>“%1”已登记为档案草稿，含 %2 个文件。请核对著录项目，再由档案员归档。</translation>
    </message>
    <message>
        <source>File “%1”? It gets its item number and archive number and can afterwards only be corrected with a recorded reason.</source>
        <translation>归档“%1”？归档后将编件号和档号，此后只能由档案员写明原因进行更正。</translation>
    </message>
    <message>
        <source>There are no drafts in the list.</source>
        <translation>列表中没有草稿。</translation>
    </message>
    <message>
        <source>File all %1 drafts in the list? They are numbered in date order within their groups.</source>
        <translation>归档列表中的全部 %1 件草稿？各分组内按日期顺序编件号。</translation>
    </message>
    <message>
        <source>%1 items were filed.</source>
        <translation>已归档 %1 件。</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? Only do this for an item registered by mistake.</source>
        <translation>删除草稿“%1”？仅用于误登记的档案。</translation>
    </message>
    <message>
        <source>%1 — %2 items</source>
        <translation>%1 — 共 %2 件</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <source>Archive number</source>
        <translation>档号</translation>
    </message>
    <message>
        <source>Item number</source>
        <translation>件号</translation>
    </message>
    <message>
        <source>Fonds code</source>
        <translation>全宗号</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Organisation code</source>
        <translation>机构（问题）代码</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Document date</source>
        <translation>文件日期</translation>
    </message>
    <message>
        <source>Responsible party</source>
        <translation>责任者</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Accounting record</source>
        <translation>会计档案类别</translation>
    </message>
    <message>
        <source>Filed at</source>
        <translation>归档时间</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>归档人</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <source>Corrected at</source>
        <translation>更正时间</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>更正人</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Archive items</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Archive files</source>
        <translation>档案文件</translation>
    </message>
    <message>
        <source>Archive corrections</source>
        <translation>档案更正记录</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Archive catalogue</source>
        <translation>归档文件目录</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部门类</translation>
    </message>
    <message>
        <source>All retention periods</source>
        <translation>全部保管期限</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>PDF to print (DA/T 22 columns)</source>
        <translation>PDF，用于打印（DA/T 22 栏目）</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>As</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Lists every filed item of the year; drafts have no archive number yet.</source>
        <translation>列出该年度全部已归档的档案；草稿尚无档号，不列入。</translation>
    </message>
    <message>
        <source>Archive catalogue %1</source>
        <translation>%1 年归档文件目录</translation>
    </message>
    <message>
        <source>Save the catalogue</source>
        <translation>保存归档文件目录</translation>
    </message>
    <message>
        <source>%1 items were written to %2.</source>
        <translation>已将 %1 件档案写入 %2。</translation>
    </message>
    <message>
        <source>Writing the catalogue…</source>
        <translation>正在生成归档文件目录…</translation>
    </message>
</context>
<context>
    <name>DueDialog</name>
    <message>
        <source>Items due for appraisal</source>
        <translation>到期待鉴定的档案</translation>
    </message>
    <message>
        <source>These items have been kept for their whole retention period. An appraisal group decides for each: keep it longer, or destroy it with approval. The program never deletes a filed item.</source>
        <translation>以下档案已到保管期限。由鉴定小组逐件鉴定：仍有价值的延长保管期限，确无保存价值的报批后销毁。本程序不会删除已归档的档案。</translation>
    </message>
    <message>
        <source>Archive number</source>
        <translation>档号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保管至</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Print the list…</source>
        <translation>打印清单…</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Open original…</source>
        <translation>打开原件…</translation>
    </message>
    <message>
        <source>Open the file in the PC&apos;s own viewer (to print or zoom).</source>
        <translation>用电脑自带的查看程序打开原文件（可打印、缩放）。</translation>
    </message>
    <message>
        <source>Choose a file to see it here.</source>
        <translation>选择一个文件即可在此预览。</translation>
    </message>
    <message>
        <source>This file cannot be shown inside the program on this PC. Use Open original… to see it in the PC&apos;s own viewer.</source>
        <translation>本机无法在程序内显示这个文件。请点“打开原件…”，用电脑自带的程序查看。</translation>
    </message>
    <message>
        <source>This page has no scanned picture to show here. Use Open original… to see it.</source>
        <translation>这一页没有可显示的扫描图像。请点“打开原件…”查看。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>FromRecordDialog</name>
    <message>
        <source>File a record as an archive item</source>
        <translation>转为档案</translation>
    </message>
    <message>
        <source>The record&apos;s files (training materials and its sign-in record, voucher scans, the activity&apos;s service record) become a draft archive item with its details filled in. Check it, then the archivist files it.</source>
        <translation>记录的文件（培训材料和签到记录、原始凭证扫描件、志愿服务活动记录）将登记为档案草稿，著录项目自动填好。请核对后由档案员归档。</translation>
    </message>
    <message>
        <source>Training sessions</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>Reviewed vouchers</source>
        <translation>已审核的财务凭证</translation>
    </message>
    <message>
        <source>Volunteer activities</source>
        <translation>志愿服务活动</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>File as archive item</source>
        <translation>转为档案</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Already filed as</source>
        <translation>已登记为</translation>
    </message>
    <message>
        <source>Choose a record in the list first.</source>
        <translation>请先在列表中选择一条记录。</translation>
    </message>
    <message>
        <source>This record is already filed as %1.</source>
        <translation>这条记录已登记为档案：%1。</translation>
    </message>
    <message>
        <source>These files are not PDFs or scans and were left out: %1</source>
        <translation>以下文件不是 PDF 或扫描图像，没有归入档案：%1</translation>
    </message>
    <message>
        <source>Filing the record…</source>
        <translation>正在转为档案…</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Register an archive item</source>
        <translation>登记档案</translation>
    </message>
    <message>
        <source>Edit a draft archive item</source>
        <translation>修改档案草稿</translation>
    </message>
    <message>
        <source>Correct a filed archive item</source>
        <translation>更正已归档的档案</translation>
    </message>
    <message>
        <source>%1 is filed. Its category, year, retention and organisation are part of its archive number and cannot change; every other correction is recorded with the reason.</source>
        <translation>%1 已归档。门类、年度、保管期限和机构是档号的组成部分，不能更改；其他更正将连同原因一并留档。</translation>
    </message>
    <message>
        <source>The station, if left empty</source>
        <translation>不填则为本站</translation>
    </message>
    <message>
        <source>e.g. 后社工〔2025〕3号</source>
        <translation>如 后社工〔2025〕3号</translation>
    </message>
    <message>
        <source>(not an accounting record)</source>
        <translation>（不是会计档案）</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Responsible party</source>
        <translation>责任者</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <source>Accounting record</source>
        <translation>会计档案类别</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构（问题）</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Service project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Why the filed item is corrected (kept with the correction)</source>
        <translation>更正的原因（与更正内容一起留档）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>, %1 pages</source>
        <translation>，%1 页</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Saving the archive item…</source>
        <translation>正在保存档案…</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>Archive number</source>
        <translation>档号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>著录项目</translation>
    </message>
    <message>
        <source>Service project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Filed from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Choose an item in the list to see it here.</source>
        <translation>在列表中选择一件档案，即可在此查看。</translation>
    </message>
    <message>
        <source>%1, filed on %2 by %3</source>
        <translation>%1（%2 由 %3 归档）</translation>
    </message>
    <message>
        <source>(given when filed)</source>
        <translation>（归档时编制）</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message>
        <source>, %1 pages</source>
        <translation>，%1 页</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>更正记录：</translation>
    </message>
    <message>
        <source>This item has no files yet.</source>
        <translation>这件档案还没有文件。</translation>
    </message>
</context>
<context>
    <name>archives_dashboard</name>
    <message>
        <source>items</source>
        <translation>件</translation>
    </message>
    <message>
        <source>Archive items registered per year (drafts included), by category.</source>
        <translation>每年登记的档案件数（含草稿），按门类。</translation>
    </message>
    <message>
        <source>Archive items per year</source>
        <translation>各年度档案数量</translation>
    </message>
</context>
</TS>
