<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AssessmentDialog</name>
        <message>
            <source>Annual assessment</source>
            <translation>年度考核</translation>
        </message>
        <message>
            <source>Annual assessment of %1</source>
            <translation>%1 的年度考核</translation>
        </message>
        <message>
            <source>on</source>
            <translation>考核于</translation>
        </message>
        <message>
            <source>Required for 不合格: the reasons.</source>
            <translation>考核不合格时必须写明理由。</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>考核年度</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>考核等级</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>考核人</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>考核日期</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>考核意见</translation>
        </message>
        <message>
            <source>不合格 flags the person for review (Art. 34): record the outcome once decided.</source>
            <translation>“不合格”会标记此人待处理（第三十四条）：作出决定后请登记处理结果。</translation>
        </message>
        <message>
            <source>Nobody to assess for that year.</source>
            <translation>该年度没有需要考核的人员。</translation>
        </message>
    </context>
    <context>
        <name>AssessmentsTab</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>考核年度</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>考核等级</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>考核人</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>考核日期</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>考核意见</translation>
        </message>
        <message>
            <source>Review outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>Read only: your role cannot record assessments.</source>
            <translation>只读：您的角色不能登记年度考核。</translation>
        </message>
        <message>
            <source>Annual assessments</source>
            <translation>年度考核</translation>
        </message>
        <message>
            <source>Record a grade…</source>
            <translation>登记考核…</translation>
        </message>
        <message>
            <source>Change…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <source>Record the review outcome…</source>
            <translation>登记处理结果…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Print the assessment table…</source>
            <translation>打印年度考核表…</translation>
        </message>
        <message>
            <source>Not yet assessed for %1 (%2): %3</source>
            <translation>%1 年度尚未考核（%2 人）：%3</translation>
        </message>
        <message>
            <source>Everyone to be assessed for %1 has a grade.</source>
            <translation>%1 年度应考核人员均已考核。</translation>
        </message>
        <message>
            <source>Choose an assessment in the list first.</source>
            <translation>请先在列表中选择一条考核记录。</translation>
        </message>
        <message>
            <source>Delete an assessment</source>
            <translation>删除考核记录</translation>
        </message>
        <message>
            <source>Delete the %1 grade of %2 for %3?</source>
            <translation>删除 %2 %3 年度的考核结果“%1”吗？</translation>
        </message>
        <message>
            <source>Annual assessment table</source>
            <translation>年度考核表</translation>
        </message>
    </context>
    <context>
        <name>CheckDetailDialog</name>
        <message>
            <source>Show them in the list</source>
            <translation>在名单中查看</translation>
        </message>
        <message>
            <source>Or double-click a name to see only that person.</source>
            <translation>也可以双击姓名，只查看这一人。</translation>
        </message>
    </context>
    <context>
        <name>ContinuingEducationTab</name>
        <message>
            <source>Continuing education</source>
            <translation>继续教育</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>证书等级</translation>
        </message>
        <message>
            <source>Current cycle</source>
            <translation>本登记周期</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>本周期应修</translation>
        </message>
        <message>
            <source>Expected by now</source>
            <translation>按进度应修</translation>
        </message>
        <message>
            <source>Earned</source>
            <translation>已修学时</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Previous cycle</source>
            <translation>上一周期</translation>
        </message>
        <message>
            <source>On</source>
            <translation>截至</translation>
        </message>
        <message>
            <source>On track</source>
            <translation>进度正常</translation>
        </message>
        <message>
            <source>Each certificate holder owes %1 hours (助理社会工作师) or %2 hours (社会工作师 and higher) per 3-year cycle counted from the certificate date. Hours before the person joined the station are not in this log, so for someone hired during a cycle the requirement is counted from the hire date.</source>
            <translation>持证社工自取证日期起每 3 年为一个登记周期，应修继续教育 %1 学时（助理社会工作师）或 %2 学时（社会工作师及以上）。入职本站以前的学时不在本记录中，周期中途入职的人员按入职后的天数折算应修学时。</translation>
        </message>
        <message>
            <source>Previous cycle short by %1 h</source>
            <translation>上一周期差 %1 学时</translation>
        </message>
        <message>
            <source>Behind</source>
            <translation>进度落后</translation>
        </message>
        <message>
            <source>%1 – %2: %3 of %4 h</source>
            <translation>%1 至 %2：%3/%4 学时</translation>
        </message>
        <message>
            <source> (from hire %1)</source>
            <translation>（自 %1 入职起算）</translation>
        </message>
    </context>
    <context>
        <name>HoursTab</name>
        <message>
            <source>Hours per person</source>
            <translation>个人学时</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>参训次数</translation>
        </message>
        <message>
            <source>Print the training summary…</source>
            <translation>打印培训记录汇总…</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>Everyone who trained in the year, and full-time staff in post who did not (in red, with 0 hours).</source>
            <translation>列出当年参加过培训的人员，以及当年在岗但未参训的专职人员（红色，0 学时）。</translation>
        </message>
    </context>
    <context>
        <name>ImportProblemsDialog</name>
        <message>
            <source>Import refused — nothing was written</source>
            <translation>导入被拒绝——没有写入任何数据</translation>
        </message>
        <message>
            <source>%1 has %2 problems in %3 rows. Nothing was imported: correct the file in Excel and import it again.</source>
            <translation>%1 中有 %3 行共 %2 处错误。没有导入任何数据：请在 Excel 中改正后重新导入。</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Copy the list</source>
            <translation>复制错误清单</translation>
        </message>
    </context>
    <context>
        <name>InternsTab</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>University</source>
            <translation>所在高校</translation>
        </message>
        <message>
            <source>Major</source>
            <translation>专业</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>实习督导</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Add an intern…</source>
            <translation>新增实习生…</translation>
        </message>
        <message>
            <source>Change the placement…</source>
            <translation>修改实习信息…</translation>
        </message>
        <message>
            <source>Open the roster entry…</source>
            <translation>查看花名册信息…</translation>
        </message>
        <message>
            <source>Read only: your role cannot change internships.</source>
            <translation>只读：您的角色不能修改实习信息。</translation>
        </message>
        <message>
            <source>Interns</source>
            <translation>实习生</translation>
        </message>
        <message>
            <source>Interns are on the roster with the post 实习生; a supervisor must be a social worker or supervisor in post when the internship starts.</source>
            <translation>实习生以“实习生”岗位登记在花名册中；实习督导须是实习开始时在岗的社工或督导（第十六条）。</translation>
        </message>
        <message>
            <source>Choose an intern in the list first.</source>
            <translation>请先在列表中选择一名实习生。</translation>
        </message>
    </context>
    <context>
        <name>InternshipDialog</name>
        <message>
            <source>Internship of %1</source>
            <translation>%1 的实习信息</translation>
        </message>
        <message>
            <source>University</source>
            <translation>所在高校</translation>
        </message>
        <message>
            <source>Major</source>
            <translation>专业</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>实习督导</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>LeaveDialog</name>
        <message>
            <source>%1 leaves the station</source>
            <translation>%1 离职</translation>
        </message>
        <message>
            <source>%1 (%2) stays on the roster with the leave date; their training and assessments are kept.</source>
            <translation>%1（%2）仍保留在花名册中并记录离职日期，其培训和考核记录都会保留。</translation>
        </message>
        <message>
            <source>First day no longer in post</source>
            <translation>离职日期（不再在岗的第一天）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>离职原因</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <source>Print preview — %1</source>
            <translation>打印预览 — %1</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>适合宽度</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>缩放</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <source>Open in PDF viewer</source>
            <translation>用 PDF 阅读器打开</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>This PC has no PDF renderer for the preview. The file is ready: open it in the PDF viewer (which can print it) or save it.</source>
            <translation>本机没有可用于预览的 PDF 组件。文件已生成：请用 PDF 阅读器打开（可在其中打印），或另存。</translation>
        </message>
        <message>
            <source>%1 pages</source>
            <translation>共 %1 页</translation>
        </message>
        <message>
            <source>This page cannot be shown: %1</source>
            <translation>这一页无法显示：%1</translation>
        </message>
        <message>
            <source>Print %1</source>
            <translation>打印%1</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>无法启动打印机。</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>The file could not be saved: %1</source>
            <translation>文件无法保存：%1</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
        <message>
            <source>Saved to %1.</source>
            <translation>已保存到 %1。</translation>
        </message>
        <message>
            <source>No program on this PC opens PDF files. Save the file and open it on another computer.</source>
            <translation>本机没有能打开 PDF 文件的程序。请另存文件，在其他电脑上打开。</translation>
        </message>
        <message>
            <source>Preparing %1…</source>
            <translation>正在生成%1…</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>Add a person to the roster</source>
            <translation>新增人员</translation>
        </message>
        <message>
            <source>%1 — roster entry</source>
            <translation>%1 — 花名册信息</translation>
        </message>
        <message>
            <source>Read only: your role cannot change the roster. ID and phone numbers are shown masked.</source>
            <translation>只读：您的角色不能修改花名册。身份证号和手机号部分隐藏。</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>Annual assessments</source>
            <translation>年度考核</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>培训记录</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>个人信息</translation>
        </message>
        <message>
            <source>18 digits, the last may be X</source>
            <translation>18 位，最后一位可以是 X</translation>
        </message>
        <message>
            <source>11-digit mobile number</source>
            <translation>11 位手机号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机号</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>until</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Full or part time</source>
            <translation>专兼职</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>所在社区</translation>
        </message>
        <message>
            <source>Hired on</source>
            <translation>入职日期</translation>
        </message>
        <message>
            <source>Contract ends</source>
            <translation>合同到期</translation>
        </message>
        <message>
            <source>no, in post</source>
            <translation>否，在岗</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>是否离职</translation>
        </message>
        <message>
            <source>Qualification</source>
            <translation>资质</translation>
        </message>
        <message>
            <source>No certificate</source>
            <translation>无证书</translation>
        </message>
        <message>
            <source>obtained on</source>
            <translation>取得于</translation>
        </message>
        <message>
            <source>Graduated in social work</source>
            <translation>社会工作专业毕业</translation>
        </message>
        <message>
            <source> years</source>
            <translation> 年</translation>
        </message>
        <message>
            <source>Certificate level</source>
            <translation>证书等级</translation>
        </message>
        <message>
            <source>Certificate number</source>
            <translation>证书编号</translation>
        </message>
        <message>
            <source>Certificate date</source>
            <translation>取证日期</translation>
        </message>
        <message>
            <source>Social-work background</source>
            <translation>社工专业背景</translation>
        </message>
        <message>
            <source>Social-work experience</source>
            <translation>社工从业年限</translation>
        </message>
        <message>
            <source>Pay and insurance</source>
            <translation>薪酬与保险</translation>
        </message>
        <message>
            <source>e.g. 6500 or 6500.50</source>
            <translation>例如 6500 或 6500.50</translation>
        </message>
        <message>
            <source>Five social insurances and housing fund paid</source>
            <translation>已缴纳五险一金</translation>
        </message>
        <message>
            <source>Monthly pay (yuan, before tax)</source>
            <translation>月薪（元，税前）</translation>
        </message>
        <message>
            <source>Social insurance</source>
            <translation>五险一金</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Internship (Art. 16)</source>
            <translation>实习信息（第十六条）</translation>
        </message>
        <message>
            <source>University</source>
            <translation>所在高校</translation>
        </message>
        <message>
            <source>Major</source>
            <translation>专业</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>实习督导</translation>
        </message>
        <message>
            <source>From</source>
            <translation>实习开始</translation>
        </message>
        <message>
            <source>To</source>
            <translation>实习结束</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待处理</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>考核等级</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>考核人</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>考核意见</translation>
        </message>
        <message>
            <source>Review outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>No assessment recorded yet.</source>
            <translation>尚无考核记录。</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>培训主题</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>培训类型</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>学时</translation>
        </message>
        <message>
            <source>%1 sessions, %2 hours in all.</source>
            <translation>共参加培训 %1 次、%2 学时。</translation>
        </message>
        <message>
            <source>on %1. %2</source>
            <translation>于 %1 离职。%2</translation>
        </message>
        <message>
            <source>(from the ID number)</source>
            <translation>（根据身份证号）</translation>
        </message>
        <message>
            <source>“%1” is not an amount in yuan (at most two decimals)</source>
            <translation>“%1”不是以元为单位的金额（最多两位小数）</translation>
        </message>
    </context>
    <context>
        <name>PrejobTab</name>
        <message>
            <source>Pre-job training</source>
            <translation>岗前培训</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Hired on</source>
            <translation>入职日期</translation>
        </message>
        <message>
            <source>Due by</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <source>Trained on</source>
            <translation>培训日期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>On</source>
            <translation>截至</translation>
        </message>
        <message>
            <source>Trained in time</source>
            <translation>按期完成</translation>
        </message>
        <message>
            <source>Station social workers hired in the last %1 days must attend 岗前培训 within %2 days of their hire date (settings: Training).</source>
            <translation>近 %1 天内入职的驻站社工，应在入职后 %2 天内参加岗前培训（可在“设置”中调整）。</translation>
        </message>
        <message>
            <source>Overdue: not trained</source>
            <translation>逾期未培训</translation>
        </message>
        <message>
            <source>Waiting: %1 days left</source>
            <translation>待培训：还剩 %1 天</translation>
        </message>
        <message>
            <source>Trained late</source>
            <translation>逾期完成</translation>
        </message>
    </context>
    <context>
        <name>PrintRosterDialog</name>
        <message>
            <source>Print the roster</source>
            <translation>打印人员花名册</translation>
        </message>
        <message>
            <source>Staff in post on</source>
            <translation>在岗日期</translation>
        </message>
        <message>
            <source>Print mobile numbers in full</source>
            <translation>打印完整手机号</translation>
        </message>
        <message>
            <source>Otherwise the middle four digits are hidden, as on a notice board.</source>
            <translation>否则隐藏中间四位，与公示时相同。</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Review of %1</source>
            <translation>%1 的考核处理</translation>
        </message>
        <message>
            <source>%1 was graded %2 for %3. Remarks: %4</source>
            <translation>%1 %3 年度考核结果为“%2”。考核意见：%4</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>处理日期</translation>
        </message>
    </context>
    <context>
        <name>RosterTab</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Full/part time</source>
            <translation>专兼职</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>证书等级</translation>
        </message>
        <message>
            <source>SW graduate</source>
            <translation>社工专业</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>所在社区</translation>
        </message>
        <message>
            <source>Hired on</source>
            <translation>入职日期</translation>
        </message>
        <message>
            <source>Left on</source>
            <translation>离职日期</translation>
        </message>
        <message>
            <source>Contract ends</source>
            <translation>合同到期</translation>
        </message>
        <message>
            <source>Monthly pay</source>
            <translation>月薪</translation>
        </message>
        <message>
            <source>Social insurance</source>
            <translation>五险一金</translation>
        </message>
        <message>
            <source>Years in SW</source>
            <translation>从业年限</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机号</translation>
        </message>
        <message>
            <source>Read only: your role can view the roster but not change it.</source>
            <translation>只读：您的角色可以查看花名册，但不能修改。</translation>
        </message>
        <message>
            <source>Staff roster</source>
            <translation>人员花名册</translation>
        </message>
        <message>
            <source>Add a person…</source>
            <translation>新增人员…</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <source>Leave…</source>
            <translation>办理离职…</translation>
        </message>
        <message>
            <source>More</source>
            <translation>更多</translation>
        </message>
        <message>
            <source>Undo the leave (entered by mistake)</source>
            <translation>撤销离职（误录时使用）</translation>
        </message>
        <message>
            <source>Delete (only an entry made by mistake)…</source>
            <translation>删除（仅限误录人员）…</translation>
        </message>
        <message>
            <source>Excel</source>
            <translation>Excel</translation>
        </message>
        <message>
            <source>Download the import template…</source>
            <translation>下载导入模板…</translation>
        </message>
        <message>
            <source>Import the roster from Excel…</source>
            <translation>从 Excel 导入花名册…</translation>
        </message>
        <message>
            <source>Export the whole roster with ID numbers…</source>
            <translation>导出完整花名册（含身份证号）…</translation>
        </message>
        <message>
            <source>Print the roster…</source>
            <translation>打印花名册…</translation>
        </message>
        <message>
            <source>Show everyone</source>
            <translation>显示全部人员</translation>
        </message>
        <message>
            <source>All posts</source>
            <translation>全部岗位</translation>
        </message>
        <message>
            <source>All certificates</source>
            <translation>全部证书等级</translation>
        </message>
        <message>
            <source>No certificate</source>
            <translation>无证书</translation>
        </message>
        <message>
            <source>All communities</source>
            <translation>全部社区</translation>
        </message>
        <message>
            <source>In post today</source>
            <translation>目前在岗</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>已离职</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>全部人员</translation>
        </message>
        <message>
            <source>In post on…</source>
            <translation>某日在岗…</translation>
        </message>
        <message>
            <source>%1 — %2 people: %3</source>
            <translation>%1 — 涉及 %2 人：%3</translation>
        </message>
        <message>
            <source>Choose a person in the list first.</source>
            <translation>请先在列表中选择一个人。</translation>
        </message>
        <message>
            <source>Undo the leave</source>
            <translation>撤销离职</translation>
        </message>
        <message>
            <source>Put %1 back in post and remove the leave date %2?</source>
            <translation>撤销 %1 的离职（离职日期 %2），恢复为在岗吗？</translation>
        </message>
        <message>
            <source>Delete an entry made by mistake</source>
            <translation>删除误录人员</translation>
        </message>
        <message>
            <source>Delete %1 from the roster? Only an entry made by mistake can be deleted: a person with training, assessments or an internship leaves instead.</source>
            <translation>从花名册中删除 %1 吗？只有误录的人员才能删除；已有培训、考核或实习记录的人员请办理离职。</translation>
        </message>
        <message>
            <source>Roster import template</source>
            <translation>花名册导入模板</translation>
        </message>
        <message>
            <source>Import the roster</source>
            <translation>导入花名册</translation>
        </message>
        <message>
            <source>%1 people will be added to the roster.</source>
            <translation>将向花名册添加 %1 人。</translation>
        </message>
        <message>
            <source>%1 people were added to the roster.</source>
            <translation>已向花名册添加 %1 人。</translation>
        </message>
        <message>
            <source>Export the whole roster</source>
            <translation>导出完整花名册</translation>
        </message>
        <message>
            <source>%1 people were exported to %2. The file holds full ID and phone numbers: keep it safe.</source>
            <translation>已导出 %1 人到 %2。文件中有完整的身份证号和手机号，请妥善保管。</translation>
        </message>
        <message>
            <source>Exporting the roster…</source>
            <translation>正在导出花名册…</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <source>(no project)</source>
            <translation>（不属于具体项目）</translation>
        </message>
        <message>
            <source>Service project</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <source>New training session</source>
            <translation>新增培训</translation>
        </message>
        <message>
            <source>Training session — %1</source>
            <translation>培训 — %1</translation>
        </message>
        <message>
            <source>Read only: your role cannot change the training log.</source>
            <translation>只读：您的角色不能修改培训记录。</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>培训信息</translation>
        </message>
        <message>
            <source>Attendees</source>
            <translation>参训人员</translation>
        </message>
        <message>
            <source>Materials</source>
            <translation>培训材料</translation>
        </message>
        <message>
            <source>e.g. 个案工作实务：需求评估与服务计划</source>
            <translation>例如：个案工作实务：需求评估与服务计划</translation>
        </message>
        <message>
            <source> h</source>
            <translation> 学时</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>培训主题</translation>
        </message>
        <message>
            <source>Type (Art. 15)</source>
            <translation>培训类型（第十五条）</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>培训日期</translation>
        </message>
        <message>
            <source>Length</source>
            <translation>学时</translation>
        </message>
        <message>
            <source>Organiser</source>
            <translation>主办单位</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>授课人</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>培训地点</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Tick who attended. Attended hours start as the whole session; lower them for someone who left early. People not in post on the date are not listed.</source>
            <translation>勾选参训人员。参训学时默认为全程，中途离开的请改小。培训当天不在岗的人员不列出。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Hours attended</source>
            <translation>参训学时</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Tick everyone listed</source>
            <translation>全部勾选</translation>
        </message>
        <message>
            <source>Untick everyone</source>
            <translation>全部取消</translation>
        </message>
        <message>
            <source>Slides, sign-in sheet scans, photos. Files are copied into the station's data folder when you save.</source>
            <translation>课件、签到表扫描件、照片等。保存时文件会复制到本站数据目录中。</translation>
        </message>
        <message>
            <source>Add a file…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>%1 KB, added %2</source>
            <translation>%1 KB，%2 添加</translation>
        </message>
        <message>
            <source>Nobody on the roster was in post on that date.</source>
            <translation>花名册中没有人在这一天在岗。</translation>
        </message>
        <message>
            <source>%1 of %2 ticked</source>
            <translation>已勾选 %1 人（共 %2 人）</translation>
        </message>
        <message>
            <source>Attendees (%1)</source>
            <translation>参训人员（%1）</translation>
        </message>
        <message>
            <source>Add a training material</source>
            <translation>添加培训材料</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>%1 (added when you save)</source>
            <translation>%1（保存时添加）</translation>
        </message>
        <message>
            <source>No program on this PC opens %1.</source>
            <translation>本机没有能打开 %1 的程序。</translation>
        </message>
        <message>
            <source>Removed when you save (choose Remove again to keep it)</source>
            <translation>保存时移除（再点一次“移除”可保留）</translation>
        </message>
        <message>
            <source>Copying training materials…</source>
            <translation>正在复制培训材料…</translation>
        </message>
    </context>
    <context>
        <name>SessionsTab</name>
        <message>
            <source>All projects</source>
            <translation>全部服务项目</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>培训日期</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>培训主题</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>培训类型</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>学时</translation>
        </message>
        <message>
            <source>Organiser</source>
            <translation>主办单位</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>授课人</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>培训地点</translation>
        </message>
        <message>
            <source>Attendees</source>
            <translation>参训人员</translation>
        </message>
        <message>
            <source>Materials</source>
            <translation>培训材料</translation>
        </message>
        <message>
            <source>Read only: your role cannot change the training log.</source>
            <translation>只读：您的角色不能修改培训记录。</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>全部年度</translation>
        </message>
        <message>
            <source>All types</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>Training sessions</source>
            <translation>培训记录</translation>
        </message>
        <message>
            <source>New session…</source>
            <translation>新增培训…</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Excel</source>
            <translation>Excel</translation>
        </message>
        <message>
            <source>Download the sign-in template…</source>
            <translation>下载签到导入模板…</translation>
        </message>
        <message>
            <source>Import attendance from Excel…</source>
            <translation>从 Excel 导入培训签到…</translation>
        </message>
        <message>
            <source>Export attendance lines…</source>
            <translation>导出签到明细…</translation>
        </message>
        <message>
            <source>Print the training summary…</source>
            <translation>打印培训记录汇总…</translation>
        </message>
        <message>
            <source>Choose a session in the list first.</source>
            <translation>请先在列表中选择一场培训。</translation>
        </message>
        <message>
            <source>Delete a session</source>
            <translation>删除培训</translation>
        </message>
        <message>
            <source>Delete “%1” of %2 with its %3 attendance lines and %4 materials? Only do this for a session entered by mistake.</source>
            <translation>删除 %2 的“%1”及其 %3 条签到记录和 %4 个材料吗？仅用于误录的培训。</translation>
        </message>
        <message>
            <source>Sign-in template</source>
            <translation>培训签到导入模板</translation>
        </message>
        <message>
            <source>Import training attendance</source>
            <translation>导入培训签到</translation>
        </message>
        <message>
            <source>%1 attendance lines will be added.</source>
            <translation>将添加 %1 条签到记录。</translation>
        </message>
        <message>
            <source>%1 attendance lines were added, with %2 new sessions.</source>
            <translation>已添加 %1 条签到记录，新建培训 %2 场。</translation>
        </message>
        <message>
            <source>Export attendance lines</source>
            <translation>导出签到明细</translation>
        </message>
        <message>
            <source>%1 lines were exported to %2.</source>
            <translation>已导出 %1 条到 %2。</translation>
        </message>
        <message>
            <source>Exporting attendance…</source>
            <translation>正在导出签到明细…</translation>
        </message>
        <message>
            <source>Print the training summary</source>
            <translation>打印培训记录汇总</translation>
        </message>
        <message>
            <source>Which year?</source>
            <translation>打印哪一年度？</translation>
        </message>
    </context>
    <context>
        <name>StaffPage</name>
        <message>
            <source>Roster</source>
            <translation>花名册</translation>
        </message>
        <message>
            <source>Annual assessments</source>
            <translation>年度考核</translation>
        </message>
        <message>
            <source>Interns</source>
            <translation>实习生</translation>
        </message>
    </context>
    <context>
        <name>TrainingPage</name>
        <message>
            <source>Sessions</source>
            <translation>培训记录</translation>
        </message>
        <message>
            <source>Hours per person</source>
            <translation>个人学时</translation>
        </message>
        <message>
            <source>Continuing education</source>
            <translation>继续教育</translation>
        </message>
        <message>
            <source>Pre-job training</source>
            <translation>岗前培训</translation>
        </message>
    </context>
    <context>
        <name>import</name>
        <message>
            <source>The template was saved to %1. Fill it in from the second row on, then import it.</source>
            <translation>模板已保存到 %1。请从第二行起填写，然后导入。</translation>
        </message>
        <message>
            <source>Checking %1…</source>
            <translation>正在检查 %1…</translation>
        </message>
        <message>
            <source>Every row of %1 was checked and is correct.</source>
            <translation>%1 的每一行都已检查，没有错误。</translation>
        </message>
        <message>
            <source>Columns not used: %1.</source>
            <translation>未使用的列：%1。</translation>
        </message>
        <message>
            <source>Import now?</source>
            <translation>现在导入吗？</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>正在导入 %1…</translation>
        </message>
    </context>
    <context>
        <name>staff_dashboard</name>
        <message>
            <source>Month (%1 to %2)</source>
            <translation>月份（%1 至 %2）</translation>
        </message>
        <message>
            <source>person-hours</source>
            <translation>人·学时</translation>
        </message>
        <message>
            <source>Attended hours of everyone, by type of training.</source>
            <translation>全体人员参训学时，按培训类型统计。</translation>
        </message>
        <message>
            <source>Training hours by type, last 12 months</source>
            <translation>近 12 个月各类培训学时</translation>
        </message>
    </context>
    <context>
        <name>training</name>
        <message>
            <source>Training summary %1</source>
            <translation>%1 年度培训记录汇总</translation>
        </message>
    </context>
</TS>
