<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditFields</name>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="70"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="71"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="72"/>
        <source>Station UUID</source>
        <translation>站点标识</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="73"/>
        <source>Subdistrict</source>
        <translation>所属街道</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="74"/>
        <source>District</source>
        <translation>所在区</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="75"/>
        <source>District type</source>
        <translation>区域类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="76"/>
        <source>Fonds code</source>
        <translation>全宗号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="77"/>
        <source>Operating organisation</source>
        <translation>承接机构</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="78"/>
        <source>Responsible person</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="79"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="80"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="81"/>
        <source>City average wage</source>
        <translation>城市平均工资</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="82"/>
        <source>Secret kept in</source>
        <translation>密钥保存位置</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="83"/>
        <source>Key check</source>
        <translation>密钥校验值</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="84"/>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="85"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="86"/>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="87"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="88"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="89"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="90"/>
        <source>User name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="91"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="92"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="93"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="94"/>
        <source>Failed logins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="95"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="96"/>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="97"/>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="98"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="99"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="100"/>
        <source>ID number index</source>
        <translation>身份证号索引</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="101"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="102"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="103"/>
        <source>Employment</source>
        <translation>用工形式</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="104"/>
        <source>Certificate level</source>
        <translation>职业资格等级</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="105"/>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="106"/>
        <source>Certificate date</source>
        <translation>取证日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="107"/>
        <source>Social-work background</source>
        <translation>社会工作专业背景</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="108"/>
        <source>Community</source>
        <translation>社区/村</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="109"/>
        <source>Hired on</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="110"/>
        <source>Left on</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="111"/>
        <source>Contract ends</source>
        <translation>合同到期</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="112"/>
        <source>Monthly pay</source>
        <translation>月工资</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="113"/>
        <source>Social insurance and housing fund</source>
        <translation>五险一金</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="114"/>
        <source>Years of experience</source>
        <translation>社会工作从业年限</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="115"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="118"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="38"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="39"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="40"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="41"/>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="42"/>
        <source>Login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="43"/>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="44"/>
        <source>Station set up</source>
        <translation>站点初始化</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="45"/>
        <source>Key recovered</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="46"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="47"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="48"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="49"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="50"/>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="51"/>
        <source>Recovery key shown</source>
        <translation>查看恢复密钥</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="55"/>
        <source>Station profile</source>
        <translation>站点信息</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="56"/>
        <source>Communities</source>
        <translation>社区/村</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="57"/>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="58"/>
        <source>Users</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="59"/>
        <source>Staff roster</source>
        <translation>人员花名册</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="60"/>
        <source>Annual assessments</source>
        <translation>年度考核</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="61"/>
        <source>Internships</source>
        <translation>实习生</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="62"/>
        <source>Training sessions</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="63"/>
        <source>Training attendance</source>
        <translation>培训签到</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="64"/>
        <source>Training materials</source>
        <translation>培训材料</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="145"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="146"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="214"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="215"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="216"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="217"/>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="218"/>
        <source>Record</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="219"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="258"/>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="269"/>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="355"/>
        <source>Select an entry to see what changed.</source>
        <translation>选择一条日志，查看修改前后的内容。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="273"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="273"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="273"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="295"/>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="300"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="303"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="307"/>
        <source>All records</source>
        <translation>全部记录类型</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="315"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="316"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="327"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/audit_page.py" line="364"/>
        <source>No field values were recorded.</source>
        <translation>这条日志没有记录字段内容。</translation>
    </message>
</context>
<context>
    <name>LazyTableModel</name>
    <message>
        <location filename="../../sgz_desktop/ui/table_model.py" line="186"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/table_model.py" line="186"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../sgz_desktop/ui/table_page.py" line="63"/>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/table_page.py" line="68"/>
        <location filename="../../sgz_desktop/ui/table_page.py" line="157"/>
        <location filename="../../sgz_desktop/ui/table_page.py" line="173"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/table_page.py" line="158"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/table_page.py" line="174"/>
        <source>Exported %1 rows to %2.</source>
        <translation>已导出 %1 条记录到 %2。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/table_page.py" line="177"/>
        <source>Exporting to Excel…</source>
        <translation>正在导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/table_page.py" line="193"/>
        <source>%1 rows in total</source>
        <translation>共 %1 条</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <location filename="../../sgz_desktop/ui/worker.py" line="98"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/worker.py" line="111"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
