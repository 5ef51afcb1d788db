# 听见 Tingjian: 简体中文界面文字。
# 每个界面文字都在这里；屏幕显示和语音朗读使用同一条消息。

## 朗读的组成部分

role-menu-item = 菜单项
role-list-item = 列表项
role-paragraph = 段落
role-setting = 调节项
role-help-entry = 帮助项
role-history-entry = 历史记录
role-edit-field = 编辑框
role-field = 信息
list-empty = 没有项目
list-separator = ，
sentence-separator = 。
position = 第{ $index }项，共{ $total }项
position-paragraph = 第{ $index }段，共{ $total }段
date = { $year }年{ $month }月{ $day }日
screen-opened = { $title }，{ $count }项
screen-opened-paragraphs = { $title }，{ $count }段
welcome = 听见已启动。按 F1 听取帮助

## 主菜单

home-title = 主菜单
home-jobs = 招聘信息
home-entitlements = 补贴与权益
home-massage = 盲人按摩
home-applications = 我的申请
home-policies = 政策文件
home-settings = 设置
home-help = 帮助
not-built = { $name }功能还在开发中，这个版本还不能使用。请先使用政策文件、设置或帮助
at-home = 已经在主菜单。按 { $keys } 退出

## 政策文件

regions-title = 政策文件：选择地区
level-province = 省级
level-city = 市级
region-state = { $level }，{ $count }份文件
region-menu-title = { $region }
region-entry-document = 全文：{ $title }
region-entry-targets = 目标任务
count-targets = { $count }项目标
count-measures = { $count }项措施
measures-title = { $region }：{ $action }
measure-title = 措施详情
targets-title = { $region }：目标任务
target-value = { $what }：{ $value }{ $unit }
kind-duty = 部门职责
kind-support = 可申请的支持
kind-target = 目标
deadline = 截止{ $date }
deadline-none = 文件未规定截止时间
deadline-with-words = { $date }（原文：{ $words }）
clause = 条款 { $clause }
field-action = 行动：{ $value }
field-deadline = 截止时间：{ $value }
field-beneficiaries = 受益对象：{ $value }
field-responsible = 负责单位：{ $value }
field-citation = 出处：{ $value }
field-quote = 原文：{ $value }
citation = { $region }方案 条款 { $clause }，文件 { $source }
number-value = { $what }：{ $value }{ $unit }
not-specified = 文件未列出
enumeration-separator = 、
no-original = 这里没有可以打开的原文。在措施或目标上按 o 打开原文
search-title = 搜索政策措施
search-field = 搜索词
empty = 空
search-empty-query = 请先输入搜索词，再按回车
search-none = 没有找到包含“{ $query }”的措施
search-found = 找到{ $count }项措施
deleted = 删除 { $char }

action-public-bodies = 机关和事业单位带头安排残疾人就业
action-state-enterprises = 国有企业安排残疾人就业
action-private-enterprises = 民营企业安排残疾人就业
action-social-organisations = 社会组织助残就业
action-hard-to-employ = 就业困难残疾人帮扶
action-rural = 农村残疾人就业帮扶
action-graduates = 残疾人大学生就业帮扶
action-blind-massage = 盲人按摩就业促进
action-employment-services = 残疾人就业服务
action-vocational-skills = 职业技能提升
action-general = 目标和保障措施

group-disabled-people = 残疾人
group-visually-disabled = 视力残疾人
group-hearing-speech-disabled = 听力和言语残疾人
group-physically-disabled = 肢体残疾人
group-intellectual-psychosocial = 智力和精神残疾人
group-severely-disabled = 重度残疾人
group-women = 残疾妇女
group-youth = 残疾青年
group-graduates = 残疾人高校毕业生
group-students = 残疾学生
group-rural = 农村残疾人
group-low-income = 低保和困难家庭残疾人
group-hard-to-employ = 就业困难残疾人
group-unemployed = 未就业残疾人
group-self-employed = 自主创业和个体经营的残疾人
group-massage-practitioners = 盲人按摩从业人员
group-families = 残疾人家庭
group-employers = 用人单位
group-public-bodies = 机关和事业单位
group-state-enterprises = 国有企业
group-private-enterprises = 民营企业
group-social-organisations = 社会组织
group-service-agencies = 就业服务机构
document-draft = 征求意见稿
document-period = { $from }年至{ $to }年
document-issued = { $date }印发
document-undated = 未注明日期
document-paragraphs = { $count }段


## 招聘信息

jobs-sample-mark = （示例）
jobs-sample = 示例
jobs-home-based = 居家就业
jobs-suits = 适合：{ $categories }
jobs-closing = 截止{ $date }
jobs-pay-exact = 月薪{ $amount }元
jobs-pay-range = 月薪{ $min }到{ $max }元
jobs-pay-from = 月薪{ $amount }元起
jobs-pay-to = 月薪最高{ $amount }元
jobs-pay-none = 未写明工资
jobs-found = 共找到{ $total }条，显示{ $shown }条
jobs-sample-written = 已写入{ $count }条示例招聘信息：{ $path }
jobs-import-start = 正在导入 { $path }
jobs-import-progress = 已处理约百分之{ $percent }
jobs-import-row-error = 第{ $row }行，{ $column }：{ $reason }
jobs-import-done = 导入完成：新增{ $added }条，更新{ $updated }条，拒绝{ $rejected }条
employer-government = 机关
employer-public-institution = 事业单位
employer-state-enterprise = 国企
employer-private-enterprise = 民企
employer-social-organisation = 社会组织
employer-individual = 个体
job-kind-open-market = 市场招聘
job-kind-public-welfare = 公益性岗位
job-kind-sheltered = 辅助性就业
job-kind-concentrated = 集中就业
job-kind-internship = 见习岗位
job-kind-massage = 按摩
category-visual = 视力残疾
category-hearing = 听力残疾
category-speech = 言语残疾
category-physical = 肢体残疾
category-intellectual = 智力残疾
category-psychosocial = 精神残疾
category-multiple = 多重残疾
problem-missing = 必须填写
problem-not-allowed = 不是可用的值，可用：{ $allowed }
problem-bad-date = 不是日期，请写成 2025-03-01、2025年3月1日或20250301
problem-bad-number = 不是整数金额
problem-bad-bool = 请填是或否
problem-pay-range = 最低工资高于最高工资
problem-date-range = 截止日期早于发布日期
problem-too-long = 太长，最多{ $max }个字
import-not-utf8 = 第{ $line }行不是 UTF-8 文字，请用 UTF-8 编码另存文件
import-missing-columns = 缺少必需的列：{ $columns }
import-unknown-columns = 有不认识的列：{ $columns }
import-bad-at = 第{ $line }行：{ $message }
import-bad-at-column = 第{ $line }行第{ $column }列：{ $message }
import-not-array = JSON 文件的最外层应该是一个数组
import-stopped = 导入被中止
error-import = 无法导入 { $path }：{ $detail }。没有导入任何内容
error-import-format = 无法判断 { $path } 的格式：文件名应以 .csv 或 .json 结尾
error-file = 无法读写文件 { $path }：{ $detail }
error-bad-value = { $what } 不能是“{ $value }”，可用：{ $allowed }
jobs-title = 招聘信息
job-detail-title = 招聘详情
bookmarks-title = 我的收藏
jobs-hint = 在搜索词上输入文字后按回车搜索，一两个字也可以；用下方向键选择筛选条件，左右方向键修改
jobs-found-more = 找到{ $total }条，列出最新或最相关的{ $shown }条
jobs-found-all = 找到{ $total }条
bookmarks-empty = 还没有收藏。在招聘详情的最后一项按回车收藏
bookmark-added = 已收藏
bookmark-removed = 已取消收藏
bookmarked = 已收藏
filter-any = 不限
jobs-field = 搜索词
filter-region = 地区
filter-kind = 岗位类型
filter-category = 残疾类别
filter-home-based = 居家就业
filter-home-only = 只看居家就业
filter-sort = 排序
sort-relevance = 按相关程度
sort-newest = 最新发布在前
count-bookmarks = { $count }条
not-stated = 未写明
jobs-sample-note = 这是示例数据，不是真实岗位
job-dates = { $published }发布，{ $closing }截止
job-dates-open = { $published }发布，未写明截止日期
field-employer = 单位：{ $value }
field-place = 地点：{ $value }
field-suits = 适合：{ $value }
field-pay = 工资：{ $value }
field-hours = 工作时间：{ $value }
field-requirements = 要求：{ $value }
field-accessibility = 无障碍：{ $value }
field-apply = 报名方式：{ $value }
field-contact = 联系方式：{ $value }
field-dates = 日期：{ $value }
field-source = 来源：{ $value }
bookmark-add = 收藏这条招聘
bookmark-remove = 取消收藏
help-jobs = 招聘信息。第一项是搜索词：输入文字，按回车搜索，一两个字也可以，比如按摩、客服。下面是筛选条件：地区、岗位类型、残疾类别、居家就业和排序，用左右方向键修改，结果立即更新。然后是我的收藏和搜索结果，回车查看详情。标有示例的是示例数据，不是真实岗位
help-job-detail = 招聘详情，逐项阅读。最后一项按回车收藏或取消收藏，Esc 返回
help-bookmarks = 收藏的招聘信息。回车查看详情，Esc 返回

## 补贴与权益

ent-as-of = 按{ $date }的规定筛查
ent-group-eligible = 符合条件的（{ $count }项）
ent-group-unknown = 还需要更多信息的（{ $count }项）
ent-group-not-eligible = 不符合或已过期的（{ $count }项）
ent-screening = 这只是初步筛查，不是审批决定。是否能享受，由办理单位按当时的政策审核决定；请带上残疾人证和身份证去办理单位咨询
ent-replaced = 本地区的规定“{ $rule }”代替了这一条
ent-expired = 这项措施已于{ $date }到期
ent-not-yet = 这项措施从{ $date }起施行
ent-other-region = 这是其他地区的措施
ent-reason = { $condition }：你的情况是{ $used }，{ $result }
ent-missing = 还需要知道：{ $facts }
ent-apply = 办理：{ $how }
ent-bring = 需要带：{ $what }
ent-citation = 出处：条款 { $clause }（{ $source }）：“{ $quote }”
ent-secondary = 这一条的依据来自转载资料，没有核对到原文，请以办理单位的说明为准
not-specified-sources = 文件没有写明，请向当地残联或人社部门咨询
test-met = 符合
test-not-met = 不符合
test-unknown = 不知道
value-yes = 是
value-no = 否
cond-fact = { $fact }为{ $value }
cond-fact-in = { $fact }为{ $values }
cond-education-at-least = 学历为{ $level }或更高
cond-category = 残疾类别为{ $categories }
cond-grade = 残疾等级为{ $grades }级
cond-age-range = 年龄在{ $min }到{ $max }岁之间
cond-age-min = 年龄不小于{ $min }岁
cond-age-max = 年龄不大于{ $max }岁
cond-working-age = 在劳动年龄内（16岁到法定退休年龄）
cond-any = 以下任一项：{ $conditions }
missing-region = 所在地区
missing-category = 残疾类别
missing-grade = 残疾等级
missing-birth = 出生日期
missing-sex = 性别
fact-employed = 已就业
fact-registered-unemployed = 已登记失业
fact-hard-to-employ = 已认定为就业困难人员
fact-graduating = 今年毕业
fact-education = 学历
fact-student = 在校学生
fact-rural = 农村户籍
fact-dibao = 享受低保（本人或家庭）
fact-zero-employment-family = 零就业家庭
fact-self-employed = 自主就业或个体经营
fact-starting-business = 准备创业
fact-sheltered-employment = 在辅助性就业机构工作
fact-public-welfare-post = 在公益性岗位工作
fact-female-cadre = 女性，按干部身份退休（55岁）
education-primary = 小学
education-junior-secondary = 初中
education-senior-secondary = 高中
education-secondary-vocational = 中专或职高
education-college = 大专
education-bachelor = 本科
education-postgraduate = 研究生
card-too-short = 残疾人证号太短：只有{ $len }位，应为20位
card-not-digit = 第{ $position }位“{ $found }”不是数字
card-check-digit = 第{ $position }位校验码应为 { $expected }，现在是 { $found }
card-birth-date = 第{ $from }到{ $to }位的出生日期“{ $found }”不是有效日期
card-birth-future = 证号里的出生日期在今天之后
card-age = 证号里的出生日期算出{ $age }岁，不可能
card-category = 第{ $position }位残疾类别“{ $found }”应为1到7
card-grade = 第{ $position }位残疾等级“{ $found }”应为1到4
card-region = 证号前两位“{ $code }”不是已知的省份代码
card-longer = 证号有{ $len }位，比通常的20位长：按前20位识别（换发的证件可能更长），请核对
card-shown = 残疾人证：{ $card }
card-last-four = 尾号{ $last4 }
error-card = 残疾人证号有误：{ $detail }
error-fact-form = “{ $fact }”应写成 名称=值，例如 dibao=yes
error-unknown-fact = 没有“{ $fact }”这项情况。可用：{ $known }
## 设置

settings-title = 设置
setting-language = 界面语言
setting-speech = 语音朗读
setting-rate = 语速
setting-volume = 音量
setting-verbosity = 朗读详细程度
setting-screen-reader = 读屏软件模式
setting-language-system = 跟随系统（{ $lang }）
lang-zh-cn = 简体中文
lang-zh-tw = 繁體中文
lang-en = English
speech-auto = 自动
speech-on = 开
speech-off = 关
speech-status-starting = 正在启动
speech-status-speaking = 正在使用 { $backend }
speech-status-off = 未发声
speech-status-unavailable = 语音服务不可用
speech-status-screen-reader = 检测到读屏软件 { $name }，不发声
setting-speech-value = { $chosen }（当前：{ $now }）
percent = 百分之{ $value }
verbosity-full = 完整：名称、类型、状态和位置
verbosity-brief = 简洁：只读名称和状态
on = 开
off = 关
speech-unavailable = 语音不可用（{ $reason }）。听见会继续工作，屏幕上的文字不变，也可以使用读屏软件
speech-screen-reader = 检测到读屏软件 { $name } 正在运行，听见自己不发声，以免两个声音同时说话。可在设置里打开语音
screen-reader-mode-on = 读屏软件模式已开启：不画边框，焦点由光标和反色显示

## 帮助

help-title = 帮助
key-or = 或
no-key = 未设置按键
help-home = 主菜单。用上下方向键选择，回车打开。政策文件可以按地区阅读五个地方的残疾人就业行动方案。随时按 F1 听取当前屏幕的帮助
help-regions = 政策文件的地区列表。用上下方向键选择地区，回车查看该地区的文件、目标和措施。按斜杠键搜索所有地区的措施，Esc 返回主菜单
help-region-menu = 一个地区：第一项是文件全文，回车逐段阅读；然后是目标任务和按行动分类的措施。Esc 返回地区列表
help-measures = 一类措施的列表，每项读出内容、类型、截止时间和条款。回车查看详情，按 o 打开原文中的这一条，按斜杠键搜索，Esc 返回
help-measure = 措施详情，逐项阅读：内容、行动、截止时间、受益对象、负责单位、数字、出处和原文。按 o 或在原文上按回车，打开文件中的这一条，Esc 返回
help-targets = 一个地区承诺的目标，每项读出数字和条款。回车或按 o 打开原文中的这一条，Esc 返回
help-search = 搜索所有地区的措施。在搜索词上输入文字，一个字也可以，按回车搜索；用下方向键听结果，回车查看详情，Esc 返回
help-reader = 逐段阅读文件。上下方向键读上一段或下一段，Home 和 End 到开头和结尾，Page Up 和 Page Down 一次跳十段，回车重读当前段落，Esc 返回
help-settings = 设置。上下方向键选择项目，左右方向键或回车修改，修改立即保存
help-help = 帮助。先是当前屏幕的说明，然后是所有按键。按键可以在 keys.toml 文件里修改
help-history = 朗读历史，最新的在最前面。回车重读一条，Esc 返回

cmd-up = 上一项
cmd-down = 下一项
cmd-next = 下一项
cmd-previous = 上一项
cmd-first = 第一项
cmd-last = 最后一项
cmd-page-up = 向上翻十项
cmd-page-down = 向下翻十项
cmd-activate = 打开或确认
cmd-back = 返回
cmd-increase = 增加设置值
cmd-decrease = 减少设置值
cmd-help = 当前屏幕的帮助
cmd-repeat = 重复上一次朗读
cmd-read-screen = 朗读整个屏幕
cmd-history = 朗读历史
cmd-stop-speech = 停止朗读
cmd-search = 搜索措施
cmd-original = 打开原文
cmd-quit = 退出

## 历史

history-title = 朗读历史
history-empty = 还没有朗读记录
nothing-to-repeat = 还没有可重复的内容

## 状态栏

hint-bar = F1 帮助　F2 重复　F3 读屏　F4 历史　Esc 返回　Ctrl-Q 退出

## 行模式

line-prompt = 输入 1 到 { $count } 选择，n 下一项，p 上一项，b 返回，h 帮助，r 重复，q 退出：
line-prompt-empty = b 返回，h 帮助，q 退出：
line-invalid = 无法识别“{ $input }”。请输入 1 到 { $count } 之间的数字，或 h 查看帮助
line-help = 行模式按键：数字选择并打开该项；n 下一项；p 上一项；回车打开当前项；+ 和 - 修改设置；b 返回；r 重复；s 朗读整个屏幕；h 帮助；q 退出
line-focus = 当前：{ $item }
line-bye = 再见

## 错误

error-cache = 读取缓存出错：{ $detail }
error-data = 数据文件有错误：{ $file }{ $line }：{ $detail }
error-data-line = 第{ $line }行
error-records = 无法读取个人记录文件 { $path }：{ $detail }。这个文件没有被修改，请把它交给服务中心的工作人员检查
error-records-newer = 个人记录文件 { $path } 来自更新版本的听见，这个版本不能打开它。文件没有被修改
error-keys = 按键设置文件 { $file }{ $line } 有错误：{ $detail }。已改用默认按键
error-terminal = 终端出错：{ $detail }
error-transcript = 无法打开朗读记录文件 { $path }：{ $detail }

error-unknown-region = 没有“{ $region }”这个地区。可选：{ $known }
error-unknown-action = 没有“{ $action }”这个行动。可选：{ $known }
cli-measure-head = { $region } · { $action } · 条款 { $clause }
cli-target-head = { $region } · 条款 { $clause }
cli-quote = 原文：“{ $quote }”（{ $source }）
cli-count-measures = 共{ $count }项措施
cli-count-targets = 共{ $count }项目标
## 诊断（tingjian doctor）

doctor-title = 听见诊断
doctor-version = 版本：{ $version }
doctor-lang = 界面语言：{ $lang }
doctor-speech-choice = 语音设置：{ $choice }
doctor-speech-built-without = 语音：这个版本编译时没有语音功能（没有 speech 特性）
doctor-speech-ok = 语音服务：已连接（{ $features }，用时 { $ms } 毫秒）
doctor-speech-fail = 语音服务：无法连接（{ $reason }）。请安装并启动 speech-dispatcher：sudo apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
doctor-voice = 中文语音：{ $voice }
doctor-voice-missing = 中文语音：没有找到“Chinese (Mandarin, latin as Pinyin)”，中文可能读不准
doctor-screen-reader-running = 正在运行的读屏软件：{ $name }
doctor-screen-reader-none = 正在运行的读屏软件：未检测到
doctor-screen-reader-mode = 读屏软件模式：{ $state }
doctor-files = 文件位置：
doctor-file = { $what }：{ $path }
doctor-file-cache = 缓存
doctor-file-records = 个人记录
doctor-file-keys = 按键设置
doctor-data = 数据：{ $source }，版本 { $hash }
doctor-data-bundled = 内置数据
doctor-counts = 缓存内容：{ $regions }个地区，{ $documents }份文件，{ $paragraphs }个段落
doctor-records-check = 个人记录完整性检查：{ $result }
doctor-records-mode = 个人记录文件权限：{ $mode }
doctor-file-jobs = 招聘信息
doctor-jobs = 招聘信息：共{ $count }条，其中示例{ $samples }条
doctor-jobs-check = 招聘信息完整性检查：{ $result }
