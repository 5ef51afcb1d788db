## 申请（applications）

## 申请的种类和状态

app-kind-job = 求职申请
app-kind-entitlement = 补贴与权益申请
app-kind-training = 培训报名
app-kind-massage-exam = 盲人按摩考试报名
app-kind-massage-certificate = 按摩证书申领
app-kind-four-one-basic-info = “四个一”基本信息核对
app-kind-four-one-assessment = “四个一”职业评估申请
app-kind-four-one-needs = “四个一”就业需求登记
app-status-draft = 草稿
app-status-filed = 已提交，待交给服务机构
app-status-handed-over = 已交给服务机构
app-status-accepted = 已受理
app-status-rejected = 未通过
app-status-withdrawn = 已撤回

## 表格

app-form-job = 求职申请表
app-form-entitlement = 补贴与权益申请表
app-form-training = 培训报名表
app-form-massage-exam = 盲人按摩考试报名表
app-form-massage-certificate = 按摩证书申领表
app-form-four-one-basic-info = “四个一”就业服务：基本信息核对表
app-form-four-one-assessment = “四个一”就业服务：职业评估申请表
app-form-four-one-needs = “四个一”就业服务：就业需求登记表
app-type-text = 文字
app-type-number = 数字
app-type-date = 日期
app-type-choice = 选项
app-type-yes-no = 是或否
app-type-card = 残疾人证号
app-type-phone = 电话号码
app-required = 必填
app-has-error = 有误：{ $problem }
app-value-empty = 未填
app-prefilled-from = ，从档案自动填写（{ $source }）
app-list-field = { $id }：{ $label }，{ $type }，{ $required }

## 字段

app-field-name = 姓名
app-field-name-help = 和身份证、残疾人证上的姓名一样
app-field-card = 残疾人证号
app-field-card-help = 20位，和证件上的一样。屏幕和朗读只显示尾号
app-field-phone = 联系电话
app-field-phone-help = 手机号11位；固定电话要带区号，例如 0851-12345678
app-field-sex = 性别
app-field-birth = 出生日期
app-field-birth-help = 可以写成 1990-03-07、1990年3月7日 或 19900307
app-field-category = 残疾类别
app-field-grade = 残疾等级
app-field-grade-help = 和残疾人证上的一样，一级最重，四级最轻
app-field-hukou = 户籍所在地
app-field-hukou-help = 写到县或区，例如 贵州省贵阳市南明区
app-field-address = 现在的住址
app-field-address-help = 工作人员可以联系到你的地址，写到门牌号
app-field-education = 学历
app-field-education-help = 已经取得的最高学历
app-field-employed = 现在是否有工作
app-field-registered-unemployed = 是否已办理失业登记
app-field-registered-unemployed-help = 在当地人社部门或街道办理过失业登记的选“是”
app-field-dibao = 本人或家庭是否享受低保
app-field-work-experience = 工作经历
app-field-work-experience-help = 做过什么工作、在哪里、做了多久；没有可以不填
app-field-skills = 会的技能
app-field-skills-help = 例如 读屏软件、盲文、电脑打字、按摩、客服、外语
app-field-available-from = 最早可以开始的日期
app-field-available-from-help = 可以写成 2025-03-01、2025年3月1日 或 20250301
app-field-accommodations = 需要的便利
app-field-accommodations-help = 例如 读屏软件、盲文或大字材料、有人引导、无障碍通道、手语
app-field-note = 备注
app-field-note-help = 还想告诉工作人员的事情
app-field-training-wish = 想参加的培训
app-field-training-wish-help = 培训项目或机构的名称，例如 盲人保健按摩、电商客服
app-field-training-time = 可以参加培训的时间
app-field-school = 毕业学校或培训机构
app-field-school-help = 学习按摩的学校或培训机构的全称
app-field-major = 所学专业
app-field-major-help = 和毕业证或结业证上的一样
app-field-graduation = 毕业或结业日期
app-field-graduation-help = 可以写成 2015-07-01、2015年7月1日 或 20150701
app-field-practice-years = 从事按摩工作的年数
app-field-practice-years-help = 整数，没有做过填 0
app-field-exam-format = 考试需要的试卷形式
app-field-exam-format-help = 按你能阅读的方式选择，报名时告诉考试机构
app-field-exam-passed = 考试合格日期
app-field-exam-passed-help = 合格证明上的日期
app-field-exam-certificate-no = 考试合格证明编号
app-field-exam-certificate-no-help = 合格证明上的编号，没有可以不填
app-field-workplace = 现在工作的单位
app-field-workplace-help = 按摩机构或单位的名称，没有可以不填
app-field-assessment-wish = 希望评估的内容
app-field-assessment-wish-help = 例如 适合做什么工作、需要什么培训、工作场所要做哪些调整
app-field-preferred-work = 希望从事的工作
app-field-preferred-work-help = 例如 按摩、客服、电商、手工、公益性岗位
app-field-preferred-place = 希望工作的地点
app-field-preferred-place-help = 城市或区县，例如 南昌市东湖区
app-field-home-based = 是否希望居家就业
app-field-work-time = 希望的工作时间
app-field-expected-pay = 期望月收入（元）
app-field-expected-pay-help = 整数，单位是元；不确定可以不填
app-field-needs-training = 是否需要职业培训
app-choice-grade-1 = 一级
app-choice-grade-2 = 二级
app-choice-grade-3 = 三级
app-choice-grade-4 = 四级
app-choice-weekdays = 工作日
app-choice-weekends = 周末
app-choice-either = 都可以
app-choice-full-time = 全职
app-choice-part-time = 兼职
app-choice-braille = 盲文试卷
app-choice-large-print = 大字试卷
app-choice-electronic = 电子试卷（用读屏软件）
app-choice-regular = 普通试卷

## 有误的地方

app-error-in-field = { $label }：{ $problem }
app-hint-field = （用 --field { $field }=… 填写）
app-problem-required = 必须填写
app-problem-unknown-field = 这张表格没有这一项
app-problem-too-short = 太短，至少{ $min }个字
app-problem-too-long = 太长，最多{ $max }个字
app-problem-control = 含有换行、制表符或看不见的控制字符，请重新输入
app-problem-not-a-number = 不是整数
app-problem-too-small = 不能小于{ $min }
app-problem-too-large = 不能大于{ $max }
app-problem-bad-date = 不是有效日期，请写成 2025-03-01、2025年3月1日 或 20250301
app-problem-not-a-choice = 不是可选的项，可选：{ $choices }
app-problem-not-yes-no = 请回答是或否
app-problem-card = 残疾人证号有误：{ $detail }
app-problem-phone = 电话号码有误：{ $detail }
app-phone-empty = 没有数字
app-phone-not-digit = “{ $found }”不是数字
app-phone-country = 不是中国的号码（国家代码应为 +86）
app-phone-mobile-length = 手机号应为11位数字，现在是{ $digits }位
app-phone-mobile-prefix = 手机号应以13到19开头
app-phone-area-code = 区号不对，应以0开头，例如 010、020、0851
app-phone-local-length = 区号后面应为7位或8位数字，现在是{ $digits }位
app-phone-local-prefix = 区号后面的号码不能以0开头
app-phone-no-area-code = 固定电话要带区号，例如 0851-12345678

## 命令行

app-owner-client = 服务对象：{ $name }
app-owner-myself = 服务对象：本人
app-myself = 本人
app-applying = { $kind }：{ $target }
app-target-none = 未指定
app-target-posting = { $id } { $title }（{ $employer }）
app-target-rule = { $id } { $title }
app-draft-new = 新建草稿，申请编号 { $id }，已保存
app-draft-continued = 继续申请 { $id } 的草稿
app-draft-kept = 申请 { $id } 保存为草稿，还有{ $count }处要补全或改正，暂时不能提交：
app-continue-hint = 补全后再运行同一条命令，加上 --field 名称=值，会继续这份草稿；用 --list-fields 查看所有项目
app-filed = 申请 { $id } 已提交，放在待交材料里，请交给服务机构
app-summary-documents = 需要带的材料：
app-documents-none = 数据里没有写明需要带的材料，请向办理单位咨询
app-document = { $what }（{ $citation }）
app-status-changed = 申请 { $id }：从“{ $from }”改为“{ $to }”
app-list-row = { $id }. { $owner }，{ $kind }，{ $target }，{ $status }，更新于 { $updated }
app-list-empty = 还没有申请
app-client-with-card = { $name }（证号尾号{ $last4 }，#{ $id }）
app-client-no-card = { $name }（#{ $id }）
app-no-clients = 还没有保存任何服务对象的档案
app-exported = 已导出{ $count }份申请到 { $path }。文件里有个人信息，请妥善保管
app-exported-full-numbers = 注意：文件里有完整的证号和电话号码
app-col-id = 编号
app-col-client = 服务对象
app-col-card = 残疾人证号
app-col-kind = 申请类别
app-col-target = 申请对象
app-col-status = 状态
app-col-created = 创建时间
app-col-updated = 更新时间
app-summary-title = 听见 · 申请 { $id }
app-summary-kind = 申请类别：{ $kind }
app-summary-target = 申请对象：{ $target }
app-summary-status = 状态：{ $status }
app-summary-created = 创建时间：{ $time }
app-summary-updated = 更新时间：{ $time }
app-summary-fields = 填写的内容：
app-summary-field = { $label }：{ $value }
app-summary-history = 办理记录：
app-summary-event = { $time } { $status }（{ $who }）
app-summary-note = ，备注：{ $note }
app-error-no-form = 没有“{ $kind }”的表格，数据文件可能不完整
app-error-unknown-client = 没有叫“{ $name }”的服务对象。已保存的有：{ $known }
app-error-ambiguous-client = “{ $name }”对应不止一位服务对象：{ $matches }。请写全名，或用 #编号
app-error-target-needed = { $kind }要写明申请对象：用 --target
app-error-target-bad = 申请对象太长或含有控制字符
app-error-no-posting = 没有编号为“{ $id }”的招聘信息。可以用 tingjian jobs search 查找
app-error-no-rule = 没有 id 为“{ $id }”的补贴或权益。可以用 tingjian entitlements --format json 查看所有 id
app-error-field-form = “{ $field }”应写成 名称=值，例如 phone=13812345678
app-error-unknown-field = 这张表格没有“{ $field }”这一项。可用：{ $known }
app-error-note = 备注太长（最多500字）或含有控制字符
app-error-conflict = 申请 { $id } 刚刚在别处（另一台终端）被修改过，你的这次修改没有保存，也没有覆盖别人的修改。请重新打开这份申请，看过最新的内容后再改
app-error-no-such = 没有编号为 { $id } 的申请
app-error-not-editable = 申请 { $id } 的状态是“{ $status }”，不是草稿，内容保持提交时的样子，不能再改。需要改的话，请撤回后重新申请
app-error-transition = 申请 { $id } 不能从“{ $from }”改为“{ $to }”
app-error-client-has-applications = 这位服务对象有{ $count }份申请，档案不能删除（申请不会被删除，只能撤回）
app-error-not-records = { $path } 不是可用的个人记录文件（{ $detail }）。没有做任何改动

## 备份、恢复、记录文件

app-records-damaged-hint = 这个文件原样保留。可以用 tingjian restore 备份文件 从备份恢复；或者用 tingjian records --start-new 把它改名保存为 { $path }.damaged-时间，再新建一个空的记录文件
app-backup-written = 已备份到 { $path }。文件里有个人信息，只有你的账户可以读取，请妥善保管
app-restored = 已从 { $from } 恢复记录文件
app-restored-kept = 已从 { $from } 恢复记录文件。原来的记录文件保留为 { $aside }，没有删除
app-records-status = 记录文件：{ $path }。完整性检查：{ $integrity }。服务对象{ $clients }位，申请{ $applications }份
app-records-fine = 记录文件 { $path } 可以正常读取，不需要新建
app-records-confirm = 记录文件 { $path } 无法读取。要把它改名保留，然后新建一个空的记录文件吗？原来的文件不会被删除。输入“是”或 yes 确认：
app-records-not-confirmed = 没有确认，什么也没有改
app-records-need-yes = 记录文件 { $path } 无法读取。要把它改名保留并新建一个空的记录文件，请在终端里运行，或加上 --yes
app-records-started-new = 已新建空的记录文件 { $path }。原来的文件保留为 { $aside }，可以交给服务中心的工作人员检查
