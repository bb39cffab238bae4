<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditFields</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="32" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="33" />
        <source>Service field</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="34" />
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="35" />
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="36" />
        <source>Lead social worker</source>
        <translation>项目负责人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="37" />
        <source>Goals</source>
        <translation>项目目标</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="38" />
        <source>Needs list</source>
        <translation>需求清单</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="39" />
        <source>Resources list</source>
        <translation>资源清单</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="40" />
        <source>Services list</source>
        <translation>服务清单</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="41" />
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="42" />
        <source>Funder</source>
        <translation>购买方</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="43" />
        <source>Operator</source>
        <translation>承接方</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="44" />
        <source>Contract total</source>
        <translation>合同总金额</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="45" />
        <source>First purchase</source>
        <translation>首次购买</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="46" />
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="47" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="48" />
        <source>Category</source>
        <translation>科目类别</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="49" />
        <source>Account</source>
        <translation>明细科目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="50" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="51" />
        <source>Execution year</source>
        <translation>执行年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="52" />
        <source>Evaluated on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="53" />
        <source>Evaluator</source>
        <translation>评估机构</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="54" />
        <source>Grade</source>
        <translation>评估等级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="55" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="56" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="57" />
        <source>Voucher number</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="58" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="59" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="60" />
        <source>Income or expense</source>
        <translation>收支</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="61" />
        <source>Counterparty</source>
        <translation>往来单位</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="62" />
        <source>Payment method</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="63" />
        <source>Service project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="64" />
        <source>Reverses</source>
        <translation>冲销的凭证</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="65" />
        <source>Reason over the limit</source>
        <translation>超限说明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="66" />
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="67" />
        <source>Entered by (name)</source>
        <translation>录入人姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="68" />
        <source>Entered at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="69" />
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="70" />
        <source>Reviewed by (name)</source>
        <translation>审核人姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="71" />
        <source>Reviewed at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="72" />
        <source>Review chain position</source>
        <translation>审核链序号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="73" />
        <source>Previous hash</source>
        <translation>前一条哈希</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="74" />
        <source>Review hash</source>
        <translation>审核哈希</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="75" />
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="76" />
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="77" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="78" />
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="79" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="80" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="81" />
        <source>Added at</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="82" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="83" />
        <source>Closed at</source>
        <translation>结账时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="84" />
        <source>Closed by</source>
        <translation>结账人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="85" />
        <source>Closed by (name)</source>
        <translation>结账人姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="86" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="21" />
        <source>Service projects</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="22" />
        <source>Purchase-of-service contracts</source>
        <translation>购买服务合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="23" />
        <source>Contract budgets</source>
        <translation>合同预算</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="24" />
        <source>Contract evaluations</source>
        <translation>合同评估</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="25" />
        <source>Ledger entries</source>
        <translation>财务账目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="26" />
        <source>Voucher scans</source>
        <translation>凭证附件</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="27" />
        <source>Closed periods</source>
        <translation>结账记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="29" />
        <source>Review chain extended</source>
        <translation>审核链延伸</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="30" />
        <source>Period reopened</source>
        <translation>反结账</translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="87" />
        <source>Category</source>
        <translation>科目类别</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="87" />
        <source>Account</source>
        <translation>明细科目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="88" />
        <source>Budget</source>
        <translation>预算数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="88" />
        <source>Spent in the period</source>
        <translation>本期支出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="89" />
        <source>Spent to date</source>
        <translation>累计支出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="89" />
        <source>Remaining</source>
        <translation>预算结余</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="90" />
        <source>Rate</source>
        <translation>执行率</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="96" />
        <source>Whole contract</source>
        <translation>合同期内累计</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="97" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="99" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="107" />
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="140" />
        <source>Budget execution</source>
        <translation>预算执行</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="122" />
        <source>No contract yet: register the purchase-of-service contract first.</source>
        <translation>还没有合同：请先登记购买服务合同。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="128" />
        <source>%1 · funder %2 · %3 to %4 · total %5. Funds received in the period: %6. Management fee to date %7 (%8 of the total), limit %9.</source>
        <translation>%1 · 购买方 %2 · %3 至 %4 · 合同总金额 %5。本期收到经费 %6。承接方运营管理费累计 %7（占总经费 %8），上限 %9。</translation>
    </message>
</context>
<context>
    <name>ClosingTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="179" />
        <source>Period</source>
        <translation>结账期间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="179" />
        <source>Closed at</source>
        <translation>结账时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="179" />
        <source>Closed by</source>
        <translation>结账人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="180" />
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="220" />
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="227" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="185" />
        <source>Close a month…</source>
        <translation>月末结账…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="186" />
        <source>Close a year…</source>
        <translation>年度结账…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="187" />
        <source>Reopen the last closed month…</source>
        <translation>反结账（最后一个已结账月份）…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="192" />
        <source>A closed month locks its vouchers: nothing dated in it can be entered, changed or imported. Months close in order, once over and fully reviewed.</source>
        <translation>结账后该月的凭证即被锁定：不能再录入、修改或导入该月的账目。须按月份顺序结账，且该月已结束、凭证全部审核。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="199" />
        <source>Closed periods</source>
        <translation>结账记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="220" />
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="223" />
        <source>Close a month</source>
        <translation>月末结账</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="227" />
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="230" />
        <source>Close a year</source>
        <translation>年度结账</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="236" />
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="239" />
        <source>Reopen a month</source>
        <translation>反结账</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="236" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="46" />
        <source>New contract</source>
        <translation>新增购买服务合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="57" />
        <source>e.g. district civil affairs bureau, subdistrict office</source>
        <translation>如区民政局、街道办事处</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="62" />
        <source>First purchase (mid-term evaluation in the first year)</source>
        <translation>首次购买（第一个执行年度开展中期评估）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="63" />
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="65" />
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="66" />
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="67" />
        <source>Funder</source>
        <translation>购买方</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="68" />
        <source>Operator</source>
        <translation>承接方</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="69" />
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="70" />
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="71" />
        <source>Total amount</source>
        <translation>合同总金额</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="74" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="83" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="93" />
        <source>Budget (Art. 26)</source>
        <translation>预算（第二十六条）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="142" />
        <source>An amount is not a number.</source>
        <translation>有金额不是有效数字。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="148" />
        <source>Budget lines add up to %1 of %2.</source>
        <translation>各科目预算合计 %1，合同总金额 %2。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="150" />
        <source>Management fee %1 (%2 of the total; limit %3, at most %4).</source>
        <translation>承接方运营管理费 %1（占总经费 %2；上限 %3，最多 %4）。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="161" />
        <source>Write every amount in yuan, at most two decimals.</source>
        <translation>请以元为单位填写金额，最多两位小数。</translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="48" />
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="48" />
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="49" />
        <source>Funder</source>
        <translation>购买方</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="49" />
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="49" />
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="50" />
        <source>Total</source>
        <translation>合同总金额</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="50" />
        <source>Management fee budget</source>
        <translation>管理费预算</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="51" />
        <source>Renewal (Art. 33)</source>
        <translation>续签资格（第三十三条）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="56" />
        <source>New contract…</source>
        <translation>新增合同…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="57" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="58" />
        <source>Record an evaluation…</source>
        <translation>登记评估…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="60" />
        <source>Delete (entered by mistake)…</source>
        <translation>删除（仅限误录）…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="67" />
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="74" />
        <source>Contracts</source>
        <translation>购买服务合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="74" />
        <source>Choose a contract in the list first.</source>
        <translation>请先在列表中选择一份合同。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="113" />
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="117" />
        <source>Delete a contract</source>
        <translation>删除合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="114" />
        <source>Delete contract %1? Only a contract without vouchers or evaluations can be deleted.</source>
        <translation>删除合同 %1？只有没有账目和评估记录的合同才能删除。</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="55" />
        <source>New voucher</source>
        <translation>新增凭证</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="56" />
        <source>Voucher %1</source>
        <translation>凭证 %1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="70" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="85" />
        <source>Reviewed by %1 on %2. A reviewed voucher is never changed; a mistake is corrected with a red-ink reversal.</source>
        <translation>已由%1于 %2 审核。已审核的凭证不能修改；如有错误，请做红字冲销。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="89" />
        <source>Reversal of voucher %1; delete it before review if it was made by mistake.</source>
        <translation>冲销 %1 号凭证；如属误做，可在审核前删除。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="92" />
        <source>Its month is closed: nothing in it can change.</source>
        <translation>所在月份已结账，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="94" />
        <source>Entered by %1; not reviewed yet. Review must be done by someone else.</source>
        <translation>由%1录入，尚未审核。审核须由录入人以外的人员进行。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="97" />
        <source>Reversed by voucher %1.</source>
        <translation>已由 %1 号凭证冲销。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="108" />
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="108" />
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="113" />
        <source>What the money was for, e.g. March wages</source>
        <translation>款项用途，如“3 月社工工资”</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="118" />
        <source>(no project)</source>
        <translation>（不属于具体项目）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="122" />
        <source>Why the management fee may pass its limit (Art. 26)</source>
        <translation>承接方运营管理费超过上限的原因（第二十六条）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="123" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="124" />
        <source>Income/expense</source>
        <translation>收支</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="125" />
        <source>Account</source>
        <translation>明细科目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="126" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="127" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="128" />
        <source>Counterparty</source>
        <translation>往来单位</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="129" />
        <source>Payment method</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="130" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="131" />
        <source>Service project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="132" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="133" />
        <source>Reason over the limit</source>
        <translation>超限说明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="154" />
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="276" />
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="287" />
        <source>Voucher scans</source>
        <translation>凭证附件</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="160" />
        <source>Add a scan…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="163" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="166" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="178" />
        <source>, %1 pages</source>
        <translation>，%1 页</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="197" />
        <source>Red ink (negative): %1</source>
        <translation>红字（负数）：%1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="212" />
        <source>Not an amount: write it in yuan with at most two decimals, e.g. 1,234.56</source>
        <translation>不是有效金额：请以元为单位，最多两位小数，如 1,234.56</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="218" />
        <source>Register the purchase-of-service contract first.</source>
        <translation>请先登记购买服务合同。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="251" />
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="258" />
        <source>Add a voucher scan</source>
        <translation>添加凭证附件</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="191" />
        <source>Evaluation of %1</source>
        <translation>%1 的评估</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="203" />
        <source>The third-party evaluation organisation</source>
        <translation>第三方评估机构名称</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="208" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="211" />
        <source>Execution year</source>
        <translation>执行年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="212" />
        <source>Kind</source>
        <translation>评估类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="213" />
        <source>Evaluated on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="214" />
        <source>Evaluator</source>
        <translation>评估机构</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="215" />
        <source>Grade</source>
        <translation>评估等级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="216" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contract_dialog.py" line="217" />
        <source>Remarks</source>
        <translation>评估意见</translation>
    </message>
</context>
<context>
    <name>EvaluationsTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="135" />
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="135" />
        <source>Execution year</source>
        <translation>执行年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="136" />
        <source>Kind</source>
        <translation>评估类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="136" />
        <source>Evaluated on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="136" />
        <source>Evaluator</source>
        <translation>评估机构</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="137" />
        <source>Grade</source>
        <translation>评估等级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="137" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="137" />
        <source>Remarks</source>
        <translation>评估意见</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="142" />
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="143" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="149" />
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="155" />
        <source>Evaluations</source>
        <translation>评估记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="155" />
        <source>Choose an evaluation in the list first.</source>
        <translation>请先在列表中选择一条评估记录。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="175" />
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="178" />
        <source>Delete an evaluation</source>
        <translation>删除评估记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="176" />
        <source>Delete the %1 of contract %2?</source>
        <translation>删除合同 %2 的%1？</translation>
    </message>
</context>
<context>
    <name>FinancePage</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="342" />
        <source>Ledger</source>
        <translation>账目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="342" />
        <source>Journal</source>
        <translation>日记账</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="343" />
        <source>Budget execution</source>
        <translation>预算执行</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="343" />
        <source>Contracts</source>
        <translation>购买服务合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="344" />
        <source>Evaluations</source>
        <translation>评估记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="344" />
        <source>Service projects</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="345" />
        <source>Closing</source>
        <translation>结账</translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="41" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="41" />
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="41" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="42" />
        <source>Account</source>
        <translation>明细科目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="42" />
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="42" />
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="43" />
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="52" />
        <source>Journal</source>
        <translation>日记账</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="54" />
        <source>All contracts</source>
        <translation>全部合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="56" />
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="58" />
        <source>%1 month</source>
        <translation>%1 月</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="72" />
        <source>Balance brought forward into %1: %2. Reversing (red-ink) vouchers show as negative amounts.</source>
        <translation>%1 年上年结转：%2。红字冲销凭证以负数列示。</translation>
    </message>
</context>
<context>
    <name>LedgerPreviewDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="43" />
        <source>Import ledger entries — preview</source>
        <translation>导入账目——预览</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="47" />
        <source>Every row of %1 was checked. %2 entries will be booked as unreviewed vouchers: income %3, expense %4.</source>
        <translation>已检查 %1 的每一行。将记入 %2 笔凭证（状态为未审核）：收入 %3，支出 %4。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="54" />
        <source>Columns not used: %1.</source>
        <translation>未使用的列：%1。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="57" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="57" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="57" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="58" />
        <source>Income/expense</source>
        <translation>收支</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="58" />
        <source>Account</source>
        <translation>明细科目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="58" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="59" />
        <source>Counterparty</source>
        <translation>往来单位</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="59" />
        <source>Contract</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="76" />
        <source>Possible duplicates:</source>
        <translation>可能重复的行：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="81" />
        <source>These are not duplicates: import them too</source>
        <translation>确认不是重复，一并导入</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="86" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="63" />
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="63" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="63" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="64" />
        <source>In/out</source>
        <translation>收支</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="64" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="64" />
        <source>Account</source>
        <translation>明细科目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="65" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="65" />
        <source>Counterparty</source>
        <translation>往来单位</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="66" />
        <source>Paid by</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="66" />
        <source>Contract</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="66" />
        <source>Project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="67" />
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="67" />
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="67" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="68" />
        <source>Scans</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="75" />
        <source>Read only: your role can view the ledger but not enter or review vouchers.</source>
        <translation>只读：您的角色可以查看账目，但不能录入或审核凭证。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="79" />
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="80" />
        <location filename="../../sgz_desktop/ui/finance_page.py" line="181" />
        <location filename="../../sgz_desktop/ui/finance_page.py" line="186" />
        <source>Ledger</source>
        <translation>账目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="93" />
        <source>New voucher…</source>
        <translation>新增凭证…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="94" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="95" />
        <location filename="../../sgz_desktop/ui/finance_page.py" line="242" />
        <location filename="../../sgz_desktop/ui/finance_page.py" line="254" />
        <location filename="../../sgz_desktop/ui/finance_page.py" line="261" />
        <location filename="../../sgz_desktop/ui/finance_page.py" line="263" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="96" />
        <source>Review all shown…</source>
        <translation>审核列表中全部…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="98" />
        <source>Reverse (red ink)…</source>
        <translation>红字冲销…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="100" />
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="102" />
        <source>Delete (only the year's last, unreviewed voucher)…</source>
        <translation>删除（仅限本年最后一张未审核凭证）…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="105" />
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="107" />
        <source>Download the import template…</source>
        <translation>下载导入模板…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="108" />
        <source>Import entries (e.g. a bank statement)…</source>
        <translation>导入账目（如银行流水）…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="111" />
        <source>Export the year's vouchers…</source>
        <translation>导出本年凭证…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="113" />
        <source>Print reports…</source>
        <translation>打印报表…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="130" />
        <source>Show every voucher</source>
        <translation>显示全部凭证</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="138" />
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="140" />
        <source>%1 month</source>
        <translation>%1 月</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="141" />
        <source>All contracts</source>
        <translation>全部合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="143" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="147" />
        <source>Income and expense</source>
        <translation>收入和支出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="148" />
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="149" />
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="165" />
        <source>%1 — %2 vouchers</source>
        <translation>%1——共 %2 张凭证</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="181" />
        <source>Choose a voucher in the list first.</source>
        <translation>请先在列表中选择一张凭证。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="255" />
        <source>No voucher shown is waiting for your review (your own vouchers are reviewed by someone else).</source>
        <translation>列表中没有等待您审核的凭证（您本人录入的凭证须由他人审核）。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="257" />
        <source>Review %1 vouchers?</source>
        <translation>审核 %1 张凭证？</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="259" />
        <source>%1 vouchers entered by you are left for someone else to review.</source>
        <translation>您本人录入的 %1 张凭证留待他人审核。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="277" />
        <location filename="../../sgz_desktop/ui/finance_page.py" line="281" />
        <source>Delete a voucher</source>
        <translation>删除凭证</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="278" />
        <source>Delete voucher %1 (%2)? Only the year's last voucher can be deleted, before review, so that numbers never have gaps.</source>
        <translation>删除 %1 号凭证（%2）？为保证凭证号连续，只能删除本年最后一张尚未审核的凭证。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="287" />
        <source>Ledger import template</source>
        <translation>账目导入模板</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="297" />
        <source>Import ledger entries</source>
        <translation>导入账目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="298" />
        <source>%1 entries were booked as vouchers %2 to %3, unreviewed.</source>
        <translation>已记入 %1 笔，凭证号 %2 至 %3，状态为未审核。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="304" />
        <location filename="../../sgz_desktop/ui/finance_page.py" line="311" />
        <source>Export vouchers</source>
        <translation>导出凭证</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="311" />
        <source>%1 vouchers were exported to %2.</source>
        <translation>已导出 %1 张凭证到 %2。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_page.py" line="314" />
        <source>Exporting vouchers…</source>
        <translation>正在导出凭证…</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_widgets.py" line="31" />
        <source>Amount in yuan, e.g. 1,234.56</source>
        <translation>以元为单位，如 1,234.56</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_widgets.py" line="52" />
        <source>Not an amount (at most two decimals)</source>
        <translation>不是有效金额（最多两位小数）</translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="156" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_tabs.py" line="161" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="35" />
        <source>New service project</source>
        <translation>新增服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="43" />
        <source>Core project (1): Party building</source>
        <translation>核心项目（1）：党建引领</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="44" />
        <source>Basic project (4)</source>
        <translation>基础项目（4）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="44" />
        <source>Featured project (N)</source>
        <translation>特色项目（N）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="51" />
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="53" />
        <source>(not set)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="61" />
        <source>Kind</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="62" />
        <source>Field</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="63" />
        <source>Name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="64" />
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="66" />
        <source>Lead social worker</source>
        <translation>项目负责人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="67" />
        <source>Goals</source>
        <translation>项目目标</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="68" />
        <source>Needs list</source>
        <translation>需求清单</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="69" />
        <source>Resources list</source>
        <translation>资源清单</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="70" />
        <source>Services list</source>
        <translation>服务清单</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="71" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_project_dialog.py" line="76" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="196" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="196" />
        <source>Field</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="196" />
        <source>Project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="197" />
        <source>Lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="197" />
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="197" />
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="198" />
        <source>Goals</source>
        <translation>项目目标</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="203" />
        <source>New project…</source>
        <translation>新增项目…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="204" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="205" />
        <source>Delete (entered by mistake)…</source>
        <translation>删除（仅限误录）…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="212" />
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="219" />
        <source>Service projects</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="219" />
        <source>Choose a project in the list first.</source>
        <translation>请先在列表中选择一个项目。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="240" />
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="244" />
        <source>Delete a project</source>
        <translation>删除服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_contracts.py" line="241" />
        <source>Delete project %1? A project that vouchers, training or archives refer to stays; give it an end date instead.</source>
        <translation>删除项目 %1？已被账目、培训或档案引用的项目不能删除，请改为填写结束日期。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="30" />
        <source>Print finance reports</source>
        <translation>打印财务报表</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="33" />
        <source>Journal (日记账) with running balance</source>
        <translation>日记账（含余额）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="34" />
        <source>Budget execution per contract and category</source>
        <translation>预算执行情况表（按合同和科目）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="35" />
        <source>Year-end final accounts (经费决算表)</source>
        <translation>经费决算表</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="36" />
        <source>Public disclosure notice of project funds (Art. 28)</source>
        <translation>资金信息公开（第二十八条）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="37" />
        <source>Evaluation records and renewal (Art. 33)</source>
        <translation>评估记录与续签资格（第三十三条）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="41" />
        <source>All contracts</source>
        <translation>全部合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="42" />
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="43" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="44" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="46" />
        <source>Preview PDF…</source>
        <translation>预览 PDF…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="47" />
        <source>Save as Excel…</source>
        <translation>另存为 Excel…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="101" />
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="108" />
        <source>Save as Excel</source>
        <translation>另存为 Excel</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="108" />
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_reports.py" line="110" />
        <source>Writing %1…</source>
        <translation>正在生成 %1…</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="299" />
        <source>Reverse voucher %1</source>
        <translation>红字冲销 %1 号凭证</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="301" />
        <source>%1 · %2 · %3 %4. A new voucher with the negative amount will point at it; if the right figure is different, enter the right voucher afterwards.</source>
        <translation>%1 · %2 · %3 %4。将新增一张金额为负数的冲销凭证并注明冲销此凭证；如正确金额不同，请随后另录一张正确的凭证。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="312" />
        <source>e.g. amount entered wrongly</source>
        <translation>如“金额录错”</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="313" />
        <source>Date of the reversal</source>
        <translation>冲销日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="314" />
        <source>Reason</source>
        <translation>冲销原因</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_entry_dialog.py" line="318" />
        <source>Reverse</source>
        <translation>冲销</translation>
    </message>
</context>
<context>
    <name>finance_dashboard</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="96" />
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="97" />
        <source>Spent to date</source>
        <translation>累计支出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="120" />
        <source>10 000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="128" />
        <source>Budget and spending of the contracts running today, by Art. 26 category.</source>
        <translation>在执行合同的预算与累计支出，按第二十六条三类经费。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_dashboard.py" line="134" />
        <source>Budget execution by category (contracts running)</source>
        <translation>预算执行情况（按经费类别，在执行合同）</translation>
    </message>
</context>
<context>
    <name>finance_import</name>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="112" />
        <location filename="../../sgz_desktop/ui/finance_import.py" line="129" />
        <source>Import ledger entries</source>
        <translation>导入账目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="118" />
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/finance_import.py" line="146" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
</context>
</TS>