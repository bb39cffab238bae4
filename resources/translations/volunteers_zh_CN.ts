<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditFields</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="24"/>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="25"/>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="26"/>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="27"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="28"/>
        <source>Withdrew on</source>
        <translation>退出日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="29"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="30"/>
        <source>Stars awarded on</source>
        <translation>星级评定日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="31"/>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="32"/>
        <source>Type of service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="33"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="34"/>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="35"/>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="36"/>
        <source>Place</source>
        <translation>服务地点</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="37"/>
        <source>Service project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="38"/>
        <source>Organiser</source>
        <translation>组织者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="39"/>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="40"/>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="41"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="42"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="43"/>
        <source>Hours (tenths)</source>
        <translation>时长（0.1 小时）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="44"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="45"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="46"/>
        <source>Recorded at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="47"/>
        <source>Decided by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="48"/>
        <source>Decided at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="49"/>
        <source>Decision remark</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="50"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="51"/>
        <source>Points per hour</source>
        <translation>每小时积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="52"/>
        <source>Multipliers</source>
        <translation>服务类型倍数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="53"/>
        <source>Points needed</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="54"/>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="55"/>
        <source>Receipt number</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="56"/>
        <source>Reward</source>
        <translation>兑换物品</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="57"/>
        <source>Reward name</source>
        <translation>物品名称</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="58"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="59"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="60"/>
        <source>Redeemed on</source>
        <translation>兑换日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="61"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="62"/>
        <source>Cancelled at</source>
        <translation>作废时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="63"/>
        <source>Cancel reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="64"/>
        <source>Certificate number</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="65"/>
        <source>Period from</source>
        <translation>服务期间起</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="66"/>
        <source>Period to</source>
        <translation>服务期间止</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="67"/>
        <source>Issued on</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="68"/>
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="13"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="14"/>
        <source>Volunteer activities</source>
        <translation>志愿服务活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="15"/>
        <source>Volunteer service hours</source>
        <translation>志愿服务时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="16"/>
        <source>Points rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="17"/>
        <source>Points ledger</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="18"/>
        <source>Rewards catalogue</source>
        <translation>兑换目录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="19"/>
        <source>Redemptions</source>
        <translation>兑换记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_audit.py" line="20"/>
        <source>Volunteer service certificates</source>
        <translation>志愿服务证明</translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="163"/>
        <source>Certificate no.</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="163"/>
        <source>Issued on</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="164"/>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="164"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="164"/>
        <source>Period</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="165"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="165"/>
        <source>Services</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="165"/>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="171"/>
        <source>Issue a certificate…</source>
        <translation>出具证明…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="173"/>
        <source>Reprint…</source>
        <translation>补打…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="177"/>
        <source>Verify a number:</source>
        <translation>查验编号：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="182"/>
        <source>Verify</source>
        <translation>查验</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="190"/>
        <source>Certificate register</source>
        <translation>志愿服务证明出具登记</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="211"/>
        <source>Volunteer service certificate</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="217"/>
        <source>Choose a certificate in the register first.</source>
        <translation>请先在登记簿中选择一份证明。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="217"/>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="228"/>
        <source>Certificates</source>
        <translation>服务证明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="232"/>
        <source>No certificate numbered %1 was issued by this station.</source>
        <translation>本站没有出具过编号为 %1 的志愿服务证明。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="237"/>
        <source>%1 was issued on %2 to %3 (%4, %5 %6) for %7 hours of service from %8 to %9.</source>
        <translation>证明 %1 已于 %2 出具给 %3（%4，%5 %6），证明 %8 至 %9 期间志愿服务 %7 小时。</translation>
    </message>
</context>
<context>
    <name>PointsAdjustDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="49"/>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="59"/>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="61"/>
        <source>e.g. carried over from the paper register</source>
        <translation>例如：纸质积分台账结转</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="62"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="63"/>
        <source>Points (negative to take)</source>
        <translation>积分（负数为扣减）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="64"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="74"/>
        <source>choose a volunteer</source>
        <translation>请选择志愿者</translation>
    </message>
</context>
<context>
    <name>PointsLedgerTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="92"/>
        <source>No.</source>
        <translation>流水号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="92"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="92"/>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="93"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="93"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="93"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="94"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="94"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="95"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="95"/>
        <source>Booked at</source>
        <translation>记账时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="102"/>
        <source>Adjust points…</source>
        <translation>调整积分…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="103"/>
        <source>Reverse…</source>
        <translation>冲正…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="104"/>
        <source>Expire old points…</source>
        <translation>积分过期处理…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="110"/>
        <source>The ledger only grows: a mistake is corrected by a reversing entry. The balance of every row is the volunteer&apos;s balance after it.</source>
        <translation>积分明细只能追加：登记错误用冲正更正。每一行的余额是该志愿者在这一笔之后的积分余额。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="112"/>
        <source>Read only: adjustments, reversals and expiry are done by the deputy head.</source>
        <translation>只读：积分调整、冲正和过期处理由副站长办理。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="120"/>
        <source>Show everyone</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="125"/>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="173"/>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="184"/>
        <source>Points ledger</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="127"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="130"/>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="155"/>
        <source>Only %1 · balance %2 points</source>
        <translation>只显示 %1 · 积分余额 %2 分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="173"/>
        <source>Choose a row of the ledger first.</source>
        <translation>请先在积分明细中选择一行。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="176"/>
        <source>Reverse an entry</source>
        <translation>冲正积分记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="177"/>
        <source>Why is entry %1 reversed? A reversing entry of the opposite amount is added.</source>
        <translation>为什么冲正第 %1 号记录？将追加一笔金额相反的冲正记录。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="189"/>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="196"/>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="205"/>
        <source>Expire old points</source>
        <translation>积分过期处理</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="190"/>
        <source>Take away points older than the validity set in Settings that are still unspent? Running it again the same day changes nothing.</source>
        <translation>清除超过“设置”中积分有效期且仍未使用的积分？同一天再次执行不会重复扣减。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="199"/>
        <source>No validity is set for points (Settings: points validity in months is 0): nothing expires.</source>
        <translation>未设置积分有效期（设置项“志愿积分有效期（月）”为 0），没有积分过期。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="202"/>
        <source>Points earned up to %1 and still unspent have expired: %2 volunteers, %3 points.</source>
        <translation>%1 及以前获得、仍未使用的积分已过期：%2 人，共 %3 分。</translation>
    </message>
</context>
<context>
    <name>PointsRuleDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="216"/>
        <source>New points rule</source>
        <translation>新的积分规则</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="226"/>
        <source> points per hour</source>
        <translation> 分/小时</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="228"/>
        <source>e.g. the subdistrict&apos;s points scheme, revised 2026</source>
        <translation>例如：街道志愿服务积分管理办法（2026 年修订）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="229"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="230"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="231"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="233"/>
        <source>Multiplier per type of service (100 % = the points above):</source>
        <translation>各服务类型的倍数（100 % 即按上面的积分）：</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="236"/>
        <source>Type of service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="236"/>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
</context>
<context>
    <name>PointsRulesTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="275"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="275"/>
        <source>Points per hour</source>
        <translation>每小时积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="276"/>
        <source>Multipliers</source>
        <translation>服务类型倍数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="276"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="276"/>
        <source>Set by</source>
        <translation>设定人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="277"/>
        <source>Points earned under it</source>
        <translation>已按此发放（笔）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="283"/>
        <source>New rule…</source>
        <translation>新规则…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="284"/>
        <source>Delete an unused rule…</source>
        <translation>删除未使用的规则…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="291"/>
        <source>A rule applies to service from its date until the next rule. Points already earned never change; a new rule cannot start on or before a day whose points were already given (Art. 21).</source>
        <translation>规则适用于自生效日期起至下一条规则前的服务。已发放的积分不会改变；新规则不能从已发放积分的日期或更早生效（第二十一条）。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="293"/>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="310"/>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="318"/>
        <source>Points rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="310"/>
        <source>Choose a rule first.</source>
        <translation>请先选择一条规则。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="312"/>
        <source>Delete a rule</source>
        <translation>删除积分规则</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_points.py" line="313"/>
        <source>Delete this rule? Only a rule no points were earned under can be deleted.</source>
        <translation>删除这条规则？只有尚未按它发放过积分的规则才能删除。</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="102"/>
        <source>Redeem points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="113"/>
        <source>%1 (%2 points, %3 in stock)</source>
        <translation>%1（%2 分，库存 %3）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="119"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="120"/>
        <source>Reward</source>
        <translation>兑换物品</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="121"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="125"/>
        <source>Redeem and print the receipt</source>
        <translation>兑换并打印凭证</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="139"/>
        <source>Needs %1 points.</source>
        <translation>需要 %1 分。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="146"/>
        <source>Needs %1 points; the balance is %2, leaving %3.</source>
        <translation>需要 %1 分；现有余额 %2 分，兑换后剩 %3 分。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="153"/>
        <source>Choose a volunteer and a reward.</source>
        <translation>请选择志愿者和兑换物品。</translation>
    </message>
</context>
<context>
    <name>RegistryTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="72"/>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="72"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="72"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="73"/>
        <source>Community</source>
        <translation>所在社区</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="73"/>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="73"/>
        <source>Registered</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="74"/>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="102"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="74"/>
        <source>Approved hours</source>
        <translation>累计时长（小时）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="74"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="75"/>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="100"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="75"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="75"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="83"/>
        <source>Read only: your role can view the registry but not change it.</source>
        <translation>只读：您的角色可以查看志愿者名册，但不能修改。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="86"/>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="331"/>
        <source>Volunteer registry</source>
        <translation>志愿者名册</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="98"/>
        <source>Register a volunteer…</source>
        <translation>登记志愿者…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="99"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="101"/>
        <source>Service certificate…</source>
        <translation>志愿服务证明…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="104"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="105"/>
        <source>Withdraw…</source>
        <translation>退出…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="106"/>
        <source>Back to active</source>
        <translation>恢复在册</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="108"/>
        <source>Delete (only an entry made by mistake)…</source>
        <translation>删除（仅限误登记）…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="110"/>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="112"/>
        <source>Download the import template…</source>
        <translation>下载导入模板…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="113"/>
        <source>Import volunteers from Excel…</source>
        <translation>从 Excel 导入志愿者…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="114"/>
        <source>Export the registry with ID numbers…</source>
        <translation>导出完整名册（含身份证号）…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="119"/>
        <source>Print the registry…</source>
        <translation>打印名册…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="136"/>
        <source>Show everyone</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="144"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="149"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="153"/>
        <source>All stars</source>
        <translation>全部星级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="174"/>
        <source>%1 — %2 volunteers: %3</source>
        <translation>%1 — %2 名志愿者：%3</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="193"/>
        <source>Choose a volunteer in the list first.</source>
        <translation>请先在列表中选择一名志愿者。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="193"/>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="198"/>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="251"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="266"/>
        <source>Withdraw</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="266"/>
        <source>%1 withdrew on</source>
        <translation>%1 退出日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="276"/>
        <source>Delete an entry made by mistake</source>
        <translation>删除误登记的记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="277"/>
        <source>Delete %1 from the registry? Only an entry made by mistake can be deleted: a volunteer with hours, points or certificates withdraws instead.</source>
        <translation>从名册中删除 %1？只能删除误登记的记录：已有服务时长、积分或证明的志愿者请办理退出。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="295"/>
        <source>Volunteer import template</source>
        <translation>志愿者名册导入模板</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="301"/>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="310"/>
        <source>Import volunteers</source>
        <translation>导入志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="303"/>
        <source>%1 volunteers will be registered.</source>
        <translation>将登记 %1 名志愿者。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="311"/>
        <source>%1 volunteers were registered.</source>
        <translation>已登记 %1 名志愿者。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="315"/>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="322"/>
        <source>Export the registry</source>
        <translation>导出志愿者名册</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="323"/>
        <source>%1 volunteers were exported to %2. The file holds full ID and phone numbers: keep it safe.</source>
        <translation>已导出 %1 名志愿者到 %2。文件中有完整的身份证号和手机号，请妥善保管。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="326"/>
        <source>Exporting the registry…</source>
        <translation>正在导出志愿者名册…</translation>
    </message>
</context>
<context>
    <name>RewardItemDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="49"/>
        <source>New reward</source>
        <translation>新增兑换物品</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="49"/>
        <source>%1 — reward</source>
        <translation>%1 — 兑换物品</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="57"/>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="60"/>
        <source>Can be redeemed</source>
        <translation>可以兑换</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="63"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="64"/>
        <source>Points needed</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="65"/>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="67"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RewardsTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="173"/>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="177"/>
        <source>Reward</source>
        <translation>兑换物品</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="173"/>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="178"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="173"/>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="174"/>
        <source>Redeemed</source>
        <translation>已兑换</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="174"/>
        <source>Available</source>
        <translation>可兑换</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="174"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="176"/>
        <source>Receipt no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="176"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="177"/>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="177"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="178"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="178"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="179"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="186"/>
        <source>Redeem points…</source>
        <translation>积分兑换…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="187"/>
        <source>Print the receipt…</source>
        <translation>打印凭证…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="188"/>
        <source>Cancel a redemption…</source>
        <translation>作废兑换…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="190"/>
        <source>New reward…</source>
        <translation>新增物品…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="191"/>
        <source>Change reward…</source>
        <translation>修改物品…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="192"/>
        <source>Restock…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="200"/>
        <source>Read only: your role cannot redeem points.</source>
        <translation>只读：您的角色不能办理积分兑换。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="202"/>
        <source>Rewards catalogue</source>
        <translation>兑换目录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="203"/>
        <source>Redemptions</source>
        <translation>兑换记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="204"/>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="232"/>
        <source>Redemption receipt</source>
        <translation>积分兑换凭证</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="239"/>
        <source>Choose a redemption in the lower list first.</source>
        <translation>请先在下方的兑换记录中选择一条。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="239"/>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="261"/>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="269"/>
        <source>Rewards</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="253"/>
        <source>Cancel a redemption</source>
        <translation>作废兑换</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="254"/>
        <source>Why is receipt %1 cancelled? The points go back to the volunteer and the items back into stock.</source>
        <translation>为什么作废凭证 %1？积分退还给志愿者，物品退回库存。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="269"/>
        <source>Choose a reward in the catalogue first.</source>
        <translation>请先在兑换目录中选择一种物品。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="295"/>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="299"/>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="305"/>
        <source>Restock</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="295"/>
        <source>How many %1 came in?</source>
        <translation>“%1”入库多少件？</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_rewards.py" line="299"/>
        <source>Type a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
</context>
<context>
    <name>ServiceCertificateDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="117"/>
        <source>Issue a volunteer service certificate</source>
        <translation>出具志愿服务证明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="128"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="129"/>
        <source>Service from</source>
        <translation>服务期间自</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="130"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="133"/>
        <source>The certificate states the approved hours and content of the period, with the station&apos;s responsible person, the handler (you) and the contact phone; it gets the next number of the issuance register.</source>
        <translation>证明载明该期间审核通过的服务时长和服务内容，以及本站负责人、经办人（您）和联系电话；编号按出具登记簿顺序编排。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="136"/>
        <source>Issue and print</source>
        <translation>出具并打印</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="145"/>
        <source>choose a volunteer</source>
        <translation>请选择志愿者</translation>
    </message>
</context>
<context>
    <name>ServiceHoursDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="264"/>
        <source>Record hours — %1</source>
        <translation>登记服务时长 — %1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="267"/>
        <source>%1, %2. The hours wait for the deputy head&apos;s approval.</source>
        <translation>%1，%2。登记的时长需副站长审核。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="284"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="286"/>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="299"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="288"/>
        <source>Add to the list</source>
        <translation>加入名单</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="291"/>
        <source>Remove from the list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="299"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
</context>
<context>
    <name>ServiceHoursTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="253"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="253"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="253"/>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="254"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="254"/>
        <source>Signed in–out</source>
        <translation>签到–签退</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="254"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="255"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="255"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="256"/>
        <source>Recorded at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="256"/>
        <source>Approved by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="257"/>
        <source>Decided at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="257"/>
        <source>Remark</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="264"/>
        <source>Hours are approved by the deputy head; your role can list them and correct pending ones.</source>
        <translation>服务时长由副站长审核；您的角色可以查看，并修改待审核的记录。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="267"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="346"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="354"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="367"/>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="279"/>
        <source>Approve selected</source>
        <translation>审核通过选中</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="280"/>
        <source>Approve all pending listed…</source>
        <translation>全部审核通过…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="282"/>
        <source>Reject…</source>
        <translation>不通过…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="283"/>
        <source>Revoke approved…</source>
        <translation>撤销已通过…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="284"/>
        <source>Correct hours…</source>
        <translation>修改时长…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="286"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="300"/>
        <source>Show all activities</source>
        <translation>显示全部活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="308"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="312"/>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="328"/>
        <source>Only the hours of %1</source>
        <translation>只显示“%1”的服务时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="354"/>
        <source>Choose one or more rows first.</source>
        <translation>请先选择一行或多行。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="367"/>
        <source>Nothing listed is waiting for approval.</source>
        <translation>列表中没有待审核的记录。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="369"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="382"/>
        <source>Approve hours</source>
        <translation>审核服务时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="370"/>
        <source>Approve all %1 pending entries listed? Each earns points at the rule of its service day.</source>
        <translation>审核通过列表中全部 %1 条待审核记录？每条按服务当天适用的积分规则计分。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="377"/>
        <source>%1 entries approved, %2 hours, %3 points earned.</source>
        <translation>已审核通过 %1 条，共 %2 小时，获得积分 %3 分。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="380"/>
        <source>%1 of them fall on days no points rule covers: no points.</source>
        <translation>其中 %1 条的服务日期没有适用的积分规则，不计积分。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="389"/>
        <source>Reject hours</source>
        <translation>审核不通过</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="390"/>
        <source>Why are these %1 entries rejected? The person who recorded them will see it.</source>
        <translation>这 %1 条为什么不通过？登记人会看到这条意见。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="402"/>
        <source>Revoke approved hours</source>
        <translation>撤销已通过的时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="403"/>
        <source>Why are these hours withdrawn? Their points are reversed, if not yet spent.</source>
        <translation>为什么撤销这条时长？其积分会被冲正（积分已被使用时不能撤销）。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="415"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="423"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="428"/>
        <source>Correct hours</source>
        <translation>修改服务时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="415"/>
        <source>Hours of %1</source>
        <translation>%1 的服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="422"/>
        <source>“%1” is not a number of hours.</source>
        <translation>“%1”不是小时数。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="438"/>
        <source>Delete hours</source>
        <translation>删除服务时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="438"/>
        <source>Delete the hours of %1 at %2 (entered by mistake)?</source>
        <translation>删除 %1 在“%2”的服务时长（误登记）？</translation>
    </message>
</context>
<context>
    <name>SignInImport</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="75"/>
        <source>Import a sign-in sheet</source>
        <translation>导入签到表</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="80"/>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="81"/>
        <source>Recording %1…</source>
        <translation>正在登记 %1…</translation>
    </message>
</context>
<context>
    <name>SignInPreviewDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="33"/>
        <source>Sign-in sheet — what will be recorded</source>
        <translation>签到表 — 将登记的内容</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="35"/>
        <source>Every row of %1 was checked and is correct. %2 entries, %3 volunteers, %4 hours in all; they will wait for the deputy head&apos;s approval.</source>
        <translation>%1 的每一行都已检查无误。共 %2 条、%3 名志愿者、%4 小时；登记后等待副站长审核。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="40"/>
        <source>New activities: %1</source>
        <translation>新建活动：%1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="42"/>
        <source>Columns not used: %1</source>
        <translation>未使用的列：%1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="47"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="47"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="47"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="47"/>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="48"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="48"/>
        <source>Signed in–out</source>
        <translation>签到–签退</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="48"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="49"/>
        <source> (new)</source>
        <translation>（新）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_signin.py" line="55"/>
        <source>Record them</source>
        <translation>确认登记</translation>
    </message>
</context>
<context>
    <name>StarsTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="46"/>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="46"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="47"/>
        <source>Community</source>
        <translation>所在社区</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="47"/>
        <source>Approved hours</source>
        <translation>累计时长（小时）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="48"/>
        <source>Stars held</source>
        <translation>现有星级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="48"/>
        <source>Stars reached</source>
        <translation>应评星级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="49"/>
        <source>Hours to the next star</source>
        <translation>距下一星级（小时）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="50"/>
        <source>Only volunteers due for a new star</source>
        <translation>只显示待评定的志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="57"/>
        <source>Award selected</source>
        <translation>评定选中</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="58"/>
        <source>Award everyone due…</source>
        <translation>全部评定…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="66"/>
        <source>One to five stars at %1 approved hours (Settings: volunteer star thresholds).</source>
        <translation>累计审核通过的服务时长达到 %1 小时分别评为一星至五星（见“设置”中的志愿者星级时长门槛）。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="71"/>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="91"/>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="94"/>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="104"/>
        <source>Volunteer stars</source>
        <translation>志愿者星级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="95"/>
        <source>%1 volunteers were awarded their new star.</source>
        <translation>已为 %1 名志愿者评定新星级。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_certificates.py" line="105"/>
        <source>Award %1 volunteers the star their hours reach?</source>
        <translation>按累计服务时长为 %1 名志愿者评定星级？</translation>
    </message>
</context>
<context>
    <name>VolunteerActivitiesTab</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="65"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="65"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="65"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="66"/>
        <source>Type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="66"/>
        <source>Place</source>
        <translation>服务地点</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="66"/>
        <source>Community</source>
        <translation>所在社区</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="67"/>
        <source>Project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="67"/>
        <source>Organiser</source>
        <translation>组织者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="67"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="68"/>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="68"/>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="74"/>
        <source>Read only: your role cannot record service.</source>
        <translation>只读：您的角色不能登记志愿服务。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="75"/>
        <source>Service activities</source>
        <translation>志愿服务活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="86"/>
        <source>New activity…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="87"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="88"/>
        <source>Record hours…</source>
        <translation>登记时长…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="89"/>
        <source>Its hours</source>
        <translation>查看本次时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="90"/>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="92"/>
        <source>Download the sign-in sheet template…</source>
        <translation>下载签到表模板…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="93"/>
        <source>Import a sign-in sheet…</source>
        <translation>导入签到表…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="96"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="97"/>
        <source>Year summary</source>
        <translation>年度汇总</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="99"/>
        <source>Print the year summary…</source>
        <translation>打印年度汇总…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="100"/>
        <source>Year summary to Excel…</source>
        <translation>年度汇总导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="110"/>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="112"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="115"/>
        <source>With hours awaiting approval</source>
        <translation>有待审核时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="138"/>
        <source>Choose an activity in the list first.</source>
        <translation>请先在列表中选择一次活动。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="138"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="143"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="187"/>
        <source>Activities</source>
        <translation>服务活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="180"/>
        <source>Delete an activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="181"/>
        <source>Delete the activity %1? Only an activity without recorded hours can be deleted.</source>
        <translation>删除活动“%1”？只有尚未登记服务时长的活动才能删除。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="194"/>
        <source>Sign-in sheet template</source>
        <translation>签到表模板</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="202"/>
        <source>Into the selected activity: %1</source>
        <translation>导入到选中的活动：%1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="203"/>
        <source>The activities named in the sheet (activity and date columns)</source>
        <translation>按表中填写的活动（活动名称和活动日期列）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="204"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="217"/>
        <source>Import a sign-in sheet</source>
        <translation>导入签到表</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="204"/>
        <source>Record the sheet&apos;s hours</source>
        <translation>签到表中的服务时长登记到</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="218"/>
        <source>%1 entries were recorded and wait for the deputy head&apos;s approval.</source>
        <translation>已登记 %1 条服务时长，等待副站长审核。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="228"/>
        <source>Volunteer service year summary</source>
        <translation>志愿服务年度汇总</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="234"/>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="241"/>
        <source>Year summary to Excel</source>
        <translation>年度汇总导出 Excel</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="239"/>
        <source>Writing the year summary…</source>
        <translation>正在生成年度汇总…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_activities.py" line="242"/>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>VolunteerActivityDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="159"/>
        <source>New service activity</source>
        <translation>新建志愿服务活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="160"/>
        <source>%1 — service activity</source>
        <translation>%1 — 志愿服务活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="165"/>
        <source>Read only: your role cannot record service.</source>
        <translation>只读：您的角色不能登记志愿服务。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="176"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="183"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="191"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="195"/>
        <source>(no project)</source>
        <translation>（不属于服务项目）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="200"/>
        <source>What the volunteers did (printed on service certificates)</source>
        <translation>志愿者做了什么（写入志愿服务证明）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="202"/>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="203"/>
        <source>Type of service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="204"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="205"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="206"/>
        <source>Place</source>
        <translation>服务地点</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="207"/>
        <source>Community</source>
        <translation>所在社区</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="208"/>
        <source>Service project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="209"/>
        <source>Organiser</source>
        <translation>组织者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="210"/>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="63"/>
        <source>Register a volunteer</source>
        <translation>登记志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="64"/>
        <source>%1 — volunteer</source>
        <translation>%1 — 志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="70"/>
        <source>Read only: your role cannot change the registry. ID and phone numbers are shown masked.</source>
        <translation>只读：您的角色不能修改志愿者名册，身份证号和手机号部分隐藏。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="75"/>
        <source>Leave empty to number automatically (ZY000001…)</source>
        <translation>不填则自动编号（ZY000001…）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="78"/>
        <source>18 digits, the last may be X</source>
        <translation>18 位，最后一位可以是 X</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="84"/>
        <source>11-digit mobile number</source>
        <translation>11 位手机号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="86"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="90"/>
        <source>e.g. haircuts, appliance repair, counselling</source>
        <translation>例如：理发、家电维修、心理疏导</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="94"/>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="95"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="96"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="97"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="98"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="99"/>
        <source>Community</source>
        <translation>所在社区</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="100"/>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="101"/>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="102"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dialogs.py" line="105"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>VolunteerPicker</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_common.py" line="87"/>
        <source>Name or volunteer number</source>
        <translation>姓名或志愿者编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_common.py" line="125"/>
        <source>Chosen: %1</source>
        <translation>已选：%1</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="357"/>
        <source>Registry</source>
        <translation>志愿者名册</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="357"/>
        <source>Activities</source>
        <translation>服务活动</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="358"/>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="358"/>
        <source>Points ledger</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="359"/>
        <source>Rewards</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="359"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="360"/>
        <source>Certificates</source>
        <translation>服务证明</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_page.py" line="360"/>
        <source>Points rules</source>
        <translation>积分规则</translation>
    </message>
</context>
<context>
    <name>volunteers_dashboard</name>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="79"/>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="102"/>
        <source>Approved hours</source>
        <translation>累计时长（小时）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="89"/>
        <source>Month (%1 to %2)</source>
        <translation>月份（%1 至 %2）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="93"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="96"/>
        <source>Volunteer service hours approved, by month of service.</source>
        <translation>审核通过的志愿服务时长，按服务月份统计。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="110"/>
        <source>No service yet</source>
        <translation>尚无服务</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="114"/>
        <source>hours in %1</source>
        <translation>%1 年服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="117"/>
        <source>Approved hours this year by the volunteers&apos; community.</source>
        <translation>本年度审核通过的服务时长，按志愿者所在社区统计。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="121"/>
        <source>Volunteer service hours, last 12 months</source>
        <translation>志愿服务时长（近 12 个月）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/volunteers_dashboard.py" line="124"/>
        <source>Volunteer service hours by community, this year</source>
        <translation>各社区志愿服务时长（本年度）</translation>
    </message>
</context>
</TS>
