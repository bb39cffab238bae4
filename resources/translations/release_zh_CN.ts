<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupPlaceNote</name>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="202" />
        <source>Print the backup sheet…</source>
        <translation>打印备份说明单…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="211" />
        <source>The station's data is kept in %1. Each time the program closes it makes a backup in %2. Set a USB drive as second backup folder (File → Automatic backups…) and print this backup sheet for the office file.</source>
        <translation>本站数据保存在 %1。每次关闭程序时会自动备份到 %2。请把U盘设为第二备份文件夹（文件 → 自动备份设置…），并打印这张备份说明单放进办公文件夹。</translation>
    </message>
</context>
<context>
    <name>BackupPreview</name>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="116" />
        <source>A folder named sgz-backup-…, or the USB drive holding such folders</source>
        <translation>名为 sgz-backup-… 的文件夹，或存放这些文件夹的U盘</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="117" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="140" />
        <source>On a new or reinstalled PC, the program asks for the printed recovery key after restoring: it unlocks ID numbers and phone numbers, which the backup holds only encrypted.</source>
        <translation>如果是新电脑或重装过系统，恢复后程序会请您输入打印的恢复密钥：备份中的身份证号和电话是加密的，要用它才能读取。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="152" />
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="183" />
        <source>No backup found in this folder.</source>
        <translation>这个文件夹里没有找到备份。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="212" />
        <source>✔ Verified: every file is complete and unchanged.</source>
        <translation>✔ 校验通过：所有文件完整，没有被改动。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="222" />
        <source>Checking every file of the backup…</source>
        <translation>正在逐个校验备份中的文件…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="229" />
        <source>Checking the backup…</source>
        <translation>正在校验备份…</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="115" />
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="119" />
        <source>When the program closes it backs up the station into the data folder (the last %1 backups and one per month are kept). Those copies are on this PC: if the PC fails, they are lost with it. Choose a second folder, such as a USB drive, and every automatic backup is copied there too whenever the drive is plugged in.</source>
        <translation>每次关闭程序时，会把本站数据自动备份到数据目录中（保留最近 %1 份和每月一份）。这些备份在本机上：电脑坏了会一起丢失。请再选一个第二备份文件夹（例如U盘），U盘插着时每次自动备份都会同时复制一份过去。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="125" />
        <source>Back up automatically when the program closes</source>
        <translation>关闭程序时自动备份</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="130" />
        <source>No second folder (e.g. E:\ on a USB drive)</source>
        <translation>未设置第二备份文件夹（例如U盘 E:\）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="131" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="133" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="135" />
        <source>Second backup folder</source>
        <translation>第二备份文件夹</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="145" />
        <source>Print the backup sheet…</source>
        <translation>打印备份说明单…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="153" />
        <source>Choose the second backup folder (e.g. a USB drive)</source>
        <translation>选择第二备份文件夹（例如U盘）</translation>
    </message>
</context>
<context>
    <name>ManualWindow</name>
    <message>
        <location filename="../../sgz_desktop/ui/manual.py" line="41" />
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/manual.py" line="50" />
        <source>Find in the manual…</source>
        <translation>在手册中查找…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/manual.py" line="52" />
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/manual.py" line="54" />
        <source>Back to the top</source>
        <translation>回到开头</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/manual.py" line="108" />
        <source>The user manual is missing from this installation: %1</source>
        <translation>本次安装中缺少用户手册：%1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="258" />
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="283" />
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="262" />
        <source>Choose a backup: the automatic backups of this PC are listed below; for a USB drive, choose its folder. The data of now is saved as a backup first, so a restore can itself be undone. Afterwards you log in again, with the accounts and passwords of the backup.</source>
        <translation>请选择一份备份：下面列出的是本机的自动备份；U盘上的备份请点“浏览…”选择。恢复前会先把现在的数据另存为一份备份，所以恢复本身也可以撤回。恢复后需要重新登录，账号和密码以备份中的为准。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="270" />
        <source>Restore this backup</source>
        <translation>恢复这份备份</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="284" />
        <source>Replace the station's data with the backup of %1?

The data of now is saved first in:
%2</source>
        <translation>用 %1 的备份替换本站现在的数据吗？

现在的数据会先另存到：
%2</translation>
    </message>
</context>
<context>
    <name>backup_status</name>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="40" />
        <source>today %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="42" />
        <source>yesterday %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="43" />
        <source>%1 days ago (%2)</source>
        <translation>%1 天前（%2）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="49" />
        <source>No backup yet — back up now (File → Backup now…)</source>
        <translation>还没有备份过——请立即备份（文件 → 立即备份…）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="51" />
        <source>Last backup %1 days ago — back up to a USB drive now</source>
        <translation>已有 %1 天没有备份——请立即备份到U盘</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="54" />
        <source>Last good backup: %1</source>
        <translation>上次成功备份：%1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="57" />
        <source>Newest verified backup: %1
%2</source>
        <translation>最近一次校验无误的备份：%1
%2</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="59" />
        <source>A warning appears after %1 days without a backup.</source>
        <translation>超过 %1 天没有备份时会提醒。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="62" />
        <source>No second backup folder is set: automatic backups stay on this PC. Click to choose a USB drive.</source>
        <translation>没有设置第二备份文件夹：自动备份只保存在本机。点击这里选择U盘。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="66" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="67" />
        <source> (not plugged in now)</source>
        <translation>（现在没有插上）</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="68" />
        <source>Second backup folder: %1%2 — last copy there: %3</source>
        <translation>第二备份文件夹：%1%2——上次复制到那里：%3</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="170" />
        <source>backup-sheet.pdf</source>
        <translation>数据与备份说明单.pdf</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="171" />
        <source>Save the backup sheet</source>
        <translation>保存备份说明单</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="172" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="182" />
        <source>Backup sheet saved</source>
        <translation>备份说明单已保存</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="183" />
        <source>The backup sheet was saved to:
%1

Print it and keep it in the office file.</source>
        <translation>备份说明单已保存到：
%1

请打印出来，放进办公文件夹。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="219" />
        <source>Automatic backup before closing…</source>
        <translation>关闭前自动备份…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="222" />
        <location filename="../../sgz_desktop/ui/backup_status.py" line="229" />
        <source>Automatic backup failed</source>
        <translation>自动备份失败</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/backup_status.py" line="225" />
        <source>Automatic backup saved to %1</source>
        <translation>自动备份已保存到 %1</translation>
    </message>
</context>
<context>
    <name>restore</name>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="47" />
        <source>staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="47" />
        <source>training sessions</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="48" />
        <source>volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="48" />
        <source>service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="49" />
        <source>points transactions</source>
        <translation>积分流水</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="49" />
        <source>projects</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="50" />
        <source>contracts</source>
        <translation>购买服务合同</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="50" />
        <source>ledger entries</source>
        <translation>账目</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="51" />
        <source>archive items</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="51" />
        <source>user accounts</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="52" />
        <source>audit log entries</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="57" />
        <source>made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="57" />
        <source>automatic</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="58" />
        <source>saved before a restore</source>
        <translation>恢复前自动保存</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="72" />
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="73" />
        <source>Made on</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="74" />
        <source>Program version</source>
        <translation>程序版本</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="75" />
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="75" />
        <source>%1 files, %2</source>
        <translation>%1 个文件，共 %2</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="77" />
        <source>Folder</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="83" />
        <source>other records %1</source>
        <translation>其他记录 %1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="84" />
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="89" />
        <source>This backup was made by a newer version of the program (schema %1). Install the newest version first.</source>
        <translation>这份备份由更新版本的程序创建（数据结构版本 %1），请先安装最新版本再恢复。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="92" />
        <source>This backup belongs to another station than the one open now.</source>
        <translation>注意：这份备份属于另一个站点，不是现在打开的这个站点。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="294" />
        <source>Only an administrator (the deputy head) may restore a backup.</source>
        <translation>只有管理员（副站长）可以从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="310" />
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="313" />
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="315" />
        <source>The backup of %1 was restored.</source>
        <translation>已恢复 %1 的备份。</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="318" />
        <source>The data before the restore was saved in:
%1</source>
        <translation>恢复前的数据已另存到：
%1</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="320" />
        <source>Restore finished</source>
        <translation>恢复完成</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/restore_dialog.py" line="324" />
        <source>Cannot open the station</source>
        <translation>无法打开站点</translation>
    </message>
</context>
<context>
    <name>window_extras</name>
    <message>
        <location filename="../../sgz_desktop/ui/window_extras.py" line="40" />
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/window_extras.py" line="44" />
        <source>&amp;Automatic backups…</source>
        <translation>自动备份设置(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../sgz_desktop/ui/window_extras.py" line="50" />
        <source>User &amp;manual</source>
        <translation>用户手册(&amp;M)</translation>
    </message>
</context>
</TS>