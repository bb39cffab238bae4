<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <source>Social work station suite (sgz-desktop) %1</source>
            <translation>社工站管理套件（sgz-desktop）%1</translation>
        </message>
        <message>
            <source>Office administration for a street/township social work service station: staff, training, volunteers, projects and finance, archives and the yearly handover.</source>
            <translation>街道（乡镇）社会工作服务站的办公管理软件：人员、培训、志愿者、项目与财务、档案和年度移交。</translation>
        </message>
        <message>
            <source>Regulation served: Wuhan Social Work Service Station Construction and Management Measures (Trial), 武民政规〔2022〕1号.</source>
            <translation>依据：《武汉市街道（乡镇）社会工作服务站建设管理办法（试行）》（武民政规〔2022〕1号）。</translation>
        </message>
        <message>
            <source>Licence: MIT. Free to use, copy and change.</source>
            <translation>许可协议：MIT。可自由使用、复制和修改。</translation>
        </message>
        <message>
            <source>Data folder: %1</source>
            <translation>数据目录：%1</translation>
        </message>
        <message>
            <source>Python %1, Qt %2, PySide6 %3, %4</source>
            <translation>Python %1，Qt %2，PySide6 %3，%4</translation>
        </message>
    </context>
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Add a user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>First password</source>
            <translation>初始密码</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>First administrator</source>
            <translation>第一个管理员账号</translation>
        </message>
        <message>
            <source>Usually the deputy head (副站长). This account manages users and settings.</source>
            <translation>通常是副站长。这个账号负责管理用户和系统设置。</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <source>At least 8 characters, with both letters and digits.</source>
            <translation>至少 8 位，须同时包含字母和数字。</translation>
        </message>
        <message>
            <source>“Username” must not be empty</source>
            <translation>「用户名」不能为空</translation>
        </message>
        <message>
            <source>“Full name” must not be empty</source>
            <translation>「姓名」不能为空</translation>
        </message>
        <message>
            <source>The two passwords are not the same</source>
            <translation>两次输入的密码不一致</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <source>Your password was set by an administrator. Please choose your own now.</source>
            <translation>您的密码是管理员设置的，请现在设置您自己的密码。</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>原密码</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <source>The two new passwords are not the same.</source>
            <translation>两次输入的新密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>CheckCard</name>
        <message>
            <source>Click to see the people concerned</source>
            <translation>点击查看涉及的人员</translation>
        </message>
    </context>
    <context>
        <name>CheckDetailDialog</name>
        <message>
            <source>People concerned:</source>
            <translation>涉及人员：</translation>
        </message>
        <message>
            <source>No particular person is concerned.</source>
            <translation>不涉及具体人员。</translation>
        </message>
    </context>
    <context>
        <name>ChoicePage</name>
        <message>
            <source>Welcome to the social work station suite</source>
            <translation>欢迎使用社工站管理套件</translation>
        </message>
        <message>
            <source>No station data was found in %1. What would you like to do?</source>
            <translation>在 %1 中没有找到社工站数据。请选择：</translation>
        </message>
        <message>
            <source>Create a new station</source>
            <translation>新建社工站</translation>
        </message>
        <message>
            <source>Enter your station's details and the first administrator account.</source>
            <translation>填写本站信息和第一个管理员账号。</translation>
        </message>
        <message>
            <source>Open the demo station</source>
            <translation>打开演示站点</translation>
        </message>
        <message>
            <source>A practice station with invented people, to look around safely. It is kept in a separate demo folder and never mixes with real data.</source>
            <translation>一个人员均为虚构的练习站点，可以放心试用。它保存在单独的演示目录中，不会与真实数据混在一起。</translation>
        </message>
        <message>
            <source>Restore from a backup folder</source>
            <translation>从备份目录恢复</translation>
        </message>
        <message>
            <source>For a new or reinstalled PC: bring back a backup made with “Backup now”.</source>
            <translation>用于新电脑或重装系统后：恢复用“立即备份”做的备份。</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>仪表盘</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <source>The checks could not be completed: %1</source>
            <translation>检查未能完成：%1。请点“刷新”重试；如仍出现，请把这段文字告诉技术支持。</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>图表</translation>
        </message>
        <message>
            <source>No checks yet.</source>
            <translation>暂无检查项。</translation>
        </message>
        <message>
            <source>%1 checks: %2 not met, %3 need attention</source>
            <translation>共 %1 项检查：%2 项不符合，%3 项需关注</translation>
        </message>
    </context>
    <context>
        <name>FinishPage</name>
        <message>
            <source>Your recovery key</source>
            <translation>您的恢复密钥</translation>
        </message>
        <message>
            <source>The station was created. Below is its recovery key. You need it if Windows is reinstalled or the data moves to a new PC: without it, ID numbers and phone numbers can never be read again.
Print it now (or save it as PDF and print it) and keep it locked away, apart from this PC.</source>
            <translation>社工站已建好。下面是它的恢复密钥。重装 Windows 或把数据搬到新电脑时需要用它：没有它，身份证号和电话号码将永远无法再读取。
请现在打印（或另存为 PDF 后打印），并锁好保管，不要与这台电脑放在一起。</translation>
        </message>
        <message>
            <source>Print / save as PDF…</source>
            <translation>打印 / 另存为 PDF…</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Social work station suite — first start</source>
            <translation>社工站管理套件 — 首次启动</translation>
        </message>
        <message>
            <source>Restoring from a backup is not available in this version.</source>
            <translation>此版本暂不支持从备份恢复。</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>正在恢复备份…</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Log in — %1</source>
            <translation>登录 — %1</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>This is the demo station. Its logins:</source>
            <translation>这是演示站点。可用的登录账号：</translation>
        </message>
        <message>
            <source>Password for all of them: %1</source>
            <translation>所有账号的密码：%1</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>%1 — Social work station suite</source>
            <translation>%1 — 社工站管理套件</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Backup now…</source>
            <translation>立即备份(&amp;B)…</translation>
        </message>
        <message>
            <source>Change &amp;password…</source>
            <translation>修改密码(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Log out</source>
            <translation>退出登录(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出程序(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About…</source>
            <translation>关于(&amp;A)…</translation>
        </message>
        <message>
            <source>User: %1 (%2)</source>
            <translation>用户：%1（%2）</translation>
        </message>
        <message>
            <source>Station: %1</source>
            <translation>站点：%1</translation>
        </message>
        <message>
            <source>Data folder: %1</source>
            <translation>数据目录：%1</translation>
        </message>
        <message>
            <source>Personal data is locked: the station key is missing on this PC.</source>
            <translation>个人信息已锁定：本机没有站点密钥。</translation>
        </message>
        <message>
            <source>Backup is not available in this version.</source>
            <translation>此版本暂不支持备份。</translation>
        </message>
        <message>
            <source>Choose where to save the backup (e.g. a USB drive)</source>
            <translation>选择备份保存位置（例如U盘）</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>正在备份…</translation>
        </message>
        <message>
            <source>The backup was saved to:
%1</source>
            <translation>备份已保存到：
%1</translation>
        </message>
        <message>
            <source>The copy was checked and is complete.</source>
            <translation>已核对备份副本，内容完整。</translation>
        </message>
        <message>
            <source>Backup finished</source>
            <translation>备份完成</translation>
        </message>
        <message>
            <source>Backup saved to %1</source>
            <translation>备份已保存到 %1</translation>
        </message>
        <message>
            <source>Password changed</source>
            <translation>密码已修改</translation>
        </message>
        <message>
            <source>Your new password is in effect.</source>
            <translation>新密码已生效。</translation>
        </message>
        <message>
            <source>Work in progress</source>
            <translation>任务进行中</translation>
        </message>
        <message>
            <source>A task is still running. Stop it and close the window?</source>
            <translation>还有任务正在进行。要停止它并关闭窗口吗？</translation>
        </message>
    </context>
    <context>
        <name>ProfilePage</name>
        <message>
            <source>Station details</source>
            <translation>站点信息</translation>
        </message>
        <message>
            <source>These appear on reports and archive numbers. You can change them later in Settings.</source>
            <translation>这些信息会出现在报表和档号中，以后可以在“设置”中修改。</translation>
        </message>
        <message>
            <source>e.g. Minyi Subdistrict Social Work Service Station</source>
            <translation>例如：民意街道社会工作服务站</translation>
        </message>
        <message>
            <source>yuan per month, e.g. 8500</source>
            <translation>元/月，例如 8500</translation>
        </message>
        <message>
            <source>One community or village per line</source>
            <translation>每行一个社区或村</translation>
        </message>
        <message>
            <source>Station name</source>
            <translation>站点名称</translation>
        </message>
        <message>
            <source>Subdistrict (township)</source>
            <translation>街道（乡镇）</translation>
        </message>
        <message>
            <source>District</source>
            <translation>区</translation>
        </message>
        <message>
            <source>District type</source>
            <translation>城区类型</translation>
        </message>
        <message>
            <source>Fonds code</source>
            <translation>全宗号</translation>
        </message>
        <message>
            <source>Operating organisation</source>
            <translation>承接机构</translation>
        </message>
        <message>
            <source>City average monthly wage</source>
            <translation>全市职工月平均工资</translation>
        </message>
        <message>
            <source>Communities and villages</source>
            <translation>社区（村）</translation>
        </message>
        <message>
            <source>“City average monthly wage”: “%1” is not an amount in yuan</source>
            <translation>「全市职工月平均工资」：“%1”不是有效的金额（元）</translation>
        </message>
    </context>
    <context>
        <name>ProfileTab</name>
        <message>
            <source>Station profile</source>
            <translation>站点信息</translation>
        </message>
        <message>
            <source>Station name</source>
            <translation>站点名称</translation>
        </message>
        <message>
            <source>Subdistrict (township)</source>
            <translation>街道（乡镇）</translation>
        </message>
        <message>
            <source>District</source>
            <translation>区</translation>
        </message>
        <message>
            <source>Fonds code</source>
            <translation>全宗号</translation>
        </message>
        <message>
            <source>Operating organisation</source>
            <translation>承接机构</translation>
        </message>
        <message>
            <source>Person in charge</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Contact phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>District type</source>
            <translation>城区类型</translation>
        </message>
        <message>
            <source>City average monthly wage (yuan)</source>
            <translation>全市职工月平均工资（元）</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Communities and villages</source>
            <translation>社区（村）</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>Retire / reactivate</source>
            <translation>停用 / 恢复</translation>
        </message>
        <message>
            <source>Retired communities stay in past records but need no liaison.</source>
            <translation>停用的社区仍保留在历史记录中，但不再要求配备联络员。</translation>
        </message>
        <message>
            <source>%1 (retired)</source>
            <translation>%1（已停用）</translation>
        </message>
        <message>
            <source>“City average monthly wage”: “%1” is not an amount in yuan.</source>
            <translation>「全市职工月平均工资」：“%1”不是有效的金额（元）。</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
        <message>
            <source>The station profile was saved.</source>
            <translation>站点信息已保存。</translation>
        </message>
        <message>
            <source>Add a community</source>
            <translation>添加社区</translation>
        </message>
        <message>
            <source>Name of the community or village:</source>
            <translation>社区或村的名称：</translation>
        </message>
        <message>
            <source>Choose a community in the list first.</source>
            <translation>请先在列表中选择一个社区。</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>Station key missing on this PC</source>
            <translation>本机缺少站点密钥</translation>
        </message>
        <message>
            <source>This PC does not hold the station key that protects personal data (ID numbers, phone numbers, addresses). This happens after Windows was reinstalled or the data folder was moved to a new PC.

Type the recovery key from the printed recovery sheet below. Without it you can still work, but personal data cannot be read or entered.</source>
            <translation>这台电脑上没有保护个人信息（身份证号、电话号码、住址）的站点密钥。重装 Windows 或把数据目录搬到新电脑后会出现这种情况。

请在下面输入打印的恢复密钥单上的恢复密钥。不输入也可以继续使用，但无法读取或录入个人信息。</translation>
        </message>
        <message>
            <source>Recovery key, for example ABCD-EFGH-JKLM-…</source>
            <translation>恢复密钥，例如 ABCD-EFGH-JKLM-…</translation>
        </message>
        <message>
            <source>Restore the key</source>
            <translation>恢复密钥</translation>
        </message>
        <message>
            <source>Continue without personal data</source>
            <translation>不恢复，继续使用（个人信息不可用）</translation>
        </message>
    </context>
    <context>
        <name>RestorePage</name>
        <message>
            <source>Restore from a backup folder</source>
            <translation>从备份目录恢复</translation>
        </message>
        <message>
            <source>Choose the folder made by “Backup now” (for example on the USB drive).</source>
            <translation>选择用“立即备份”生成的备份目录（例如U盘上的目录）。</translation>
        </message>
        <message>
            <source>Choose the backup folder first.</source>
            <translation>请先选择备份目录。</translation>
        </message>
    </context>
    <context>
        <name>SecretPage</name>
        <message>
            <source>Station key</source>
            <translation>站点密钥</translation>
        </message>
        <message>
            <source>Create the station</source>
            <translation>创建站点</translation>
        </message>
        <message>
            <source>Keep the station key in an owner-only file in the data folder</source>
            <translation>把站点密钥保存在数据目录中仅本人可读的文件里</translation>
        </message>
        <message>
            <source>Anyone who can copy the data folder with this file can read the personal data. Choose this only if this PC has no working keyring, and keep the printed recovery key safe.</source>
            <translation>任何人只要复制了带有这个文件的数据目录，就能读取个人信息。仅在本机没有可用密钥环时选择此项，并妥善保管打印的恢复密钥。</translation>
        </message>
        <message>
            <source>A new random station key protects personal data (ID numbers, phones, addresses) and signs the yearly handover packages. It will be kept in this PC's system keyring.

On the next page you get a recovery key: print it, because it is the only way to read the data on a reinstalled or new PC.</source>
            <translation>系统将生成一个随机的站点密钥，用来保护个人信息（身份证号、电话、住址）并为年度移交包签名。它将保存在本机的系统密钥环中。

下一页会给出恢复密钥：请务必打印，重装系统或换新电脑后，只有用它才能读取数据。</translation>
        </message>
        <message>
            <source>%1
The station key protects personal data and signs the yearly handover packages. It can instead be kept in a file that only your user account may read.</source>
            <translation>%1
站点密钥用来保护个人信息并为年度移交包签名。也可以改为保存在只有您的用户账号能读取的文件中。</translation>
        </message>
    </context>
    <context>
        <name>SecurityTab</name>
        <message>
            <source>Station key kept in</source>
            <translation>站点密钥保存位置</translation>
        </message>
        <message>
            <source>Personal data</source>
            <translation>个人信息</translation>
        </message>
        <message>
            <source>The station key encrypts ID numbers, phone numbers and addresses, and signs the yearly handover packages. The recovery key brings it back on a reinstalled or new PC. If the printed sheet was lost, print a new one here (administrators only) and keep it locked away.</source>
            <translation>站点密钥用于加密身份证号、电话号码和住址，并为年度移交包签名。重装系统或换新电脑后，可用恢复密钥找回它。如果打印的恢复密钥单丢失了，可在这里重新打印（仅限管理员），并锁好保管。</translation>
        </message>
        <message>
            <source>Print the recovery key…</source>
            <translation>打印恢复密钥…</translation>
        </message>
        <message>
            <source>Enter the recovery key…</source>
            <translation>输入恢复密钥…</translation>
        </message>
        <message>
            <source>An owner-only file in the data folder: %1</source>
            <translation>数据目录中仅本人可读的文件：%1</translation>
        </message>
        <message>
            <source>The system keyring of this PC (Windows Credential Manager or the desktop keyring)</source>
            <translation>本机系统密钥环（Windows 凭据管理器或桌面密钥环）</translation>
        </message>
        <message>
            <source>Readable: the station key is present on this PC.</source>
            <translation>可读取：本机有站点密钥。</translation>
        </message>
        <message>
            <source>Locked: the station key is missing on this PC. Enter the recovery key.</source>
            <translation>已锁定：本机没有站点密钥。请输入恢复密钥。</translation>
        </message>
        <message>
            <source>Station key restored</source>
            <translation>站点密钥已恢复</translation>
        </message>
        <message>
            <source>Personal data can be read and entered again on this PC.</source>
            <translation>本机又可以读取和录入个人信息了。</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Station profile</source>
            <translation>站点信息</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Thresholds</source>
            <translation>阈值与参数</translation>
        </message>
        <message>
            <source>Security</source>
            <translation>安全</translation>
        </message>
    </context>
    <context>
        <name>ThresholdsTab</name>
        <message>
            <source>Setting</source>
            <translation>设置项</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>当前值</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>默认值</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>条款</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Change…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <source>Reset to default</source>
            <translation>恢复默认值</translation>
        </message>
        <message>
            <source>%1 (changed)</source>
            <translation>%1（已修改）</translation>
        </message>
        <message>
            <source>Choose a setting in the list first.</source>
            <translation>请先在列表中选择一个设置项。</translation>
        </message>
        <message>
            <source>Change a setting</source>
            <translation>修改设置</translation>
        </message>
    </context>
    <context>
        <name>UsersTab</name>
        <message>
            <source>Username</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Last login</source>
            <translation>最近登录</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>Reset password…</source>
            <translation>重置密码…</translation>
        </message>
        <message>
            <source>Change role…</source>
            <translation>更改角色…</translation>
        </message>
        <message>
            <source>Activate / deactivate</source>
            <translation>启用 / 停用</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>Locked until %1</source>
            <translation>锁定至 %1</translation>
        </message>
        <message>
            <source>Must change password</source>
            <translation>需修改密码</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>Choose a user in the list first.</source>
            <translation>请先在列表中选择一个用户。</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <source>New password for %1. They must change it when they next log in:</source>
            <translation>%1 的新密码（下次登录时须自行修改）：</translation>
        </message>
        <message>
            <source>Password reset</source>
            <translation>密码已重置</translation>
        </message>
        <message>
            <source>The password of %1 was reset and the account unlocked.</source>
            <translation>%1 的密码已重置，账号已解锁。</translation>
        </message>
        <message>
            <source>Change role</source>
            <translation>更改角色</translation>
        </message>
        <message>
            <source>New role for %1:</source>
            <translation>%1 的新角色：</translation>
        </message>
    </context>
    <context>
        <name>busy</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>dashboard</name>
        <message>
            <source>Meets the rule</source>
            <translation>符合</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>需关注</translation>
        </message>
        <message>
            <source>Does not meet the rule</source>
            <translation>不符合</translation>
        </message>
        <message>
            <source>Staff in post</source>
            <translation>在岗人数</translation>
        </message>
        <message>
            <source>No certificate</source>
            <translation>无证书</translation>
        </message>
        <message>
            <source>Staff in post by certificate level</source>
            <translation>在岗人员职业水平证书分布</translation>
        </message>
    </context>
    <context>
        <name>dialogs</name>
        <message>
            <source>An unexpected error occurred: %1</source>
            <translation>发生了意外错误：%1</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>错误</translation>
        </message>
    </context>
    <context>
        <name>pages</name>
        <message>
            <source>Audit Log</source>
            <translation>操作日志</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>培训</translation>
        </message>
        <message>
            <source>Volunteers</source>
            <translation>志愿者</translation>
        </message>
        <message>
            <source>Projects &amp; Finance</source>
            <translation>项目与财务</translation>
        </message>
        <message>
            <source>Archives</source>
            <translation>档案</translation>
        </message>
        <message>
            <source>Yearly Export</source>
            <translation>年度移交</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>仪表盘</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
    </context>
    <context>
        <name>recovery</name>
        <message>
            <source>Save the recovery key sheet</source>
            <translation>保存恢复密钥单</translation>
        </message>
        <message>
            <source>recovery-key-%1.pdf</source>
            <translation>恢复密钥-%1.pdf</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Printing the recovery key is not available in this version.</source>
            <translation>此版本暂不支持打印恢复密钥。</translation>
        </message>
        <message>
            <source>Recovery key saved</source>
            <translation>恢复密钥单已保存</translation>
        </message>
        <message>
            <source>The recovery key sheet was saved to:
%1

Print it and keep it locked away, apart from this PC.</source>
            <translation>恢复密钥单已保存到：
%1

请打印出来并锁好保管，不要与这台电脑放在一起。</translation>
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <source>Your role can view these but not change them.</source>
            <translation>您的角色只能查看，不能修改这里的内容。</translation>
        </message>
    </context>
    <context>
        <name>faults</name>
        <message>
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <source>The details are kept in %1 for whoever helps with this program.</source>
            <translation>详细信息已记录在 %1，可交给负责维护本程序的人员查看。</translation>
        </message>
    </context>
    <context>
        <name>shell</name>
        <message>
            <source>Cannot open the station</source>
            <translation>无法打开站点</translation>
        </message>
        <message>
            <source>Already open</source>
            <translation>已经打开</translation>
        </message>
        <message>
            <source>The demo station is not available in this version.</source>
            <translation>此版本暂不提供演示站点。</translation>
        </message>
        <message>
            <source>Creating the demo station…</source>
            <translation>正在创建演示站点…</translation>
        </message>
    </context>
    <context>
        <name>thresholds</name>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
</TS>
