# Tingjian (听见): English interface text.
# All interface text is here; the screen and the speech use the same message.

## Parts of an announcement

role-menu-item = menu item
role-list-item = list item
role-paragraph = paragraph
role-setting = setting
role-help-entry = help item
role-history-entry = history item
role-edit-field = edit field
role-field = detail
list-empty = No items
list-separator = {", "}
sentence-separator = {". "}
position = { $index } of { $total }
position-paragraph = paragraph { $index } of { $total }
date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] month { $month }
    } { $year }
screen-opened = { $title }, { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
screen-opened-paragraphs = { $title }, { $count ->
    [one] 1 paragraph
   *[other] { $count } paragraphs
}
welcome = Tingjian has started. Press F1 for help

## Main menu

home-title = Main menu
home-jobs = Job listings
home-entitlements = Subsidies and entitlements
home-massage = Blind massage
home-applications = My applications
home-policies = Policy documents
home-settings = Settings
home-help = Help
not-built = { $name } is still being built and cannot be used in this version. For now, use Policy documents, Settings or Help
at-home = Already at the main menu. Press { $keys } to quit

## Policy documents

regions-title = Policy documents: choose a region
level-province = province
level-city = city
region-state = { $level }, { $count ->
        [one] { $count } document
       *[other] { $count } documents
    }
region-menu-title = { $region }
region-entry-document = Full text: { $title }
region-entry-targets = Targets
count-targets = { $count ->
    [one] 1 target
   *[other] { $count } targets
}
count-measures = { $count ->
    [one] 1 measure
   *[other] { $count } measures
}
measures-title = { $region }: { $action }
measure-title = Measure details
targets-title = { $region }: targets
target-value = { $what }: { $value } { $unit }
kind-duty = duty of an agency
kind-support = support you can ask for
kind-target = target
deadline = due { $date }
deadline-none = no deadline in the document
deadline-with-words = { $date } (the text says: { $words })
clause = clause { $clause }
field-action = Action: { $value }
field-deadline = Deadline: { $value }
field-beneficiaries = Who benefits: { $value }
field-responsible = Responsible: { $value }
field-citation = Source: { $value }
field-quote = Original text: { $value }
citation = { $region } plan, clause { $clause }, file { $source }
number-value = { $what }: { $value } { $unit }
not-specified = not listed in the document
enumeration-separator = {", "}
no-original = There is no original text to open here. On a measure or a target, press o to open the original text
search-title = Search policy measures
search-field = Search words
empty = empty
search-empty-query = Type search words first, then press Enter
search-none = No measures contain "{ $query }"
search-found = { $count ->
    [one] Found 1 measure
   *[other] Found { $count } measures
}
deleted = deleted { $char }

action-public-bodies = Public bodies hire first
action-state-enterprises = State-owned enterprises
action-private-enterprises = Private enterprises
action-social-organisations = Social organisations
action-hard-to-employ = Help for the hard to employ
action-rural = Rural employment
action-graduates = University graduates
action-blind-massage = Blind massage
action-employment-services = Employment services
action-vocational-skills = Vocational skills
action-general = Targets and safeguards

group-disabled-people = disabled people
group-visually-disabled = visually disabled people
group-hearing-speech-disabled = people with hearing or speech disabilities
group-physically-disabled = people with physical disabilities
group-intellectual-psychosocial = people with intellectual or psychosocial disabilities
group-severely-disabled = severely disabled people
group-women = disabled women
group-youth = young disabled people
group-graduates = disabled university graduates
group-students = disabled students
group-rural = rural disabled people
group-low-income = disabled people on low income support
group-hard-to-employ = disabled people who are hard to employ
group-unemployed = unemployed disabled people
group-self-employed = self-employed disabled people
group-massage-practitioners = blind massage practitioners
group-families = families of disabled people
group-employers = employers
group-public-bodies = public bodies
group-state-enterprises = state-owned enterprises
group-private-enterprises = private enterprises
group-social-organisations = social organisations
group-service-agencies = employment service agencies
document-draft = draft for comment
document-period = { $from } to { $to }
document-issued = issued { $date }
document-undated = no date given
document-paragraphs = { $count ->
        [one] { $count } paragraph
       *[other] { $count } paragraphs
    }


## Jobs

jobs-sample-mark = {" "}(sample)
jobs-sample = sample
jobs-home-based = home-based
jobs-suits = suits { $categories }
jobs-closing = closes { $date }
jobs-pay-exact = { $amount } yuan a month
jobs-pay-range = { $min } to { $max } yuan a month
jobs-pay-from = from { $amount } yuan a month
jobs-pay-to = up to { $amount } yuan a month
jobs-pay-none = pay not stated
jobs-found = { $total } found, { $shown } shown
jobs-sample-written = Wrote { $count } sample postings to { $path }
jobs-import-start = Importing { $path }
jobs-import-progress = About { $percent } percent done
jobs-import-row-error = Row { $row }, { $column }: { $reason }
jobs-import-done = Import finished: { $added } added, { $updated } updated, { $rejected } rejected
employer-government = government body
employer-public-institution = public institution
employer-state-enterprise = state-owned enterprise
employer-private-enterprise = private enterprise
employer-social-organisation = social organisation
employer-individual = individual business
job-kind-open-market = open market
job-kind-public-welfare = public-welfare post
job-kind-sheltered = sheltered employment
job-kind-concentrated = concentrated employment
job-kind-internship = internship
job-kind-massage = massage
category-visual = visual disability
category-hearing = hearing disability
category-speech = speech disability
category-physical = physical disability
category-intellectual = intellectual disability
category-psychosocial = psychosocial disability
category-multiple = multiple disabilities
problem-missing = required
problem-not-allowed = not an allowed value; allowed: { $allowed }
problem-bad-date = not a date; write 2025-03-01, 2025年3月1日 or 20250301
problem-bad-number = not a whole number of yuan
problem-bad-bool = write yes or no
problem-pay-range = the lowest pay is higher than the highest
problem-date-range = closes before it is published
problem-too-long = too long, at most { $max } characters
import-not-utf8 = line { $line } is not UTF-8 text; save the file as UTF-8
import-missing-columns = required columns are missing: { $columns }
import-unknown-columns = unknown columns: { $columns }
import-bad-at = line { $line }: { $message }
import-bad-at-column = line { $line }, column { $column }: { $message }
import-not-array = the JSON file must hold one array
import-stopped = the import was stopped
error-import = Cannot import { $path }: { $detail }. Nothing was imported
error-import-format = Cannot tell the format of { $path }: the name must end in .csv or .json
error-file = Cannot read or write { $path }: { $detail }
error-bad-value = { $what } cannot be "{ $value }"; allowed: { $allowed }
jobs-title = Jobs
job-detail-title = Job details
bookmarks-title = My bookmarks
jobs-hint = Type in the search field and press Enter to search; one or two characters are enough. Use the Down arrow to reach the filters and Left and Right to change them
jobs-found-more = { $total } found; the { $shown } newest or most relevant are listed
jobs-found-all = { $total } found
bookmarks-empty = No bookmarks yet. Press Enter on the last item of a job's details to bookmark it
bookmark-added = Bookmarked
bookmark-removed = Bookmark removed
bookmarked = bookmarked
filter-any = any
jobs-field = Search words
filter-region = Region
filter-kind = Kind of job
filter-category = Disability category
filter-home-based = Home-based
filter-home-only = home-based only
filter-sort = Order
sort-relevance = most relevant first
sort-newest = newest first
count-bookmarks = { $count }
not-stated = not stated
jobs-sample-note = sample data, not a real job
job-dates = published { $published }, closes { $closing }
job-dates-open = published { $published }, no closing date stated
field-employer = Employer: { $value }
field-place = Place: { $value }
field-suits = Suits: { $value }
field-pay = Pay: { $value }
field-hours = Hours: { $value }
field-requirements = Requirements: { $value }
field-accessibility = Accessibility: { $value }
field-apply = How to apply: { $value }
field-contact = Contact: { $value }
field-dates = Dates: { $value }
field-source = Source: { $value }
bookmark-add = Bookmark this job
bookmark-remove = Remove the bookmark
help-jobs = Jobs. The first item is the search field: type words and press Enter; one or two characters work, such as 按摩 or 客服. Below are the filters: region, kind of job, disability category, home-based and order; change them with Left and Right and the results update at once. Then come your bookmarks and the results; press Enter for details. Postings marked sample are sample data, not real jobs
help-job-detail = Details of one job, read item by item. Press Enter on the last item to bookmark it or remove the bookmark; Esc goes back
help-bookmarks = Your bookmarked jobs. Press Enter for details, Esc to go back

## Entitlements

ent-as-of = Screened against the rules in force on { $date }
ent-group-eligible = You appear to qualify ({ $count })
ent-group-unknown = More facts needed ({ $count })
ent-group-not-eligible = Not eligible or expired ({ $count })
ent-screening = This is a first screening, not a decision. The office that handles each benefit decides under the rules in force; take your disability card and ID card and ask there
ent-replaced = replaced here by the local rule "{ $rule }"
ent-expired = this measure expired on { $date }
ent-not-yet = this measure applies from { $date }
ent-other-region = this is another region's measure
ent-reason = { $condition }: yours is { $used }, { $result }
ent-missing = still needed: { $facts }
ent-apply = How to apply: { $how }
ent-bring = Bring: { $what }
ent-citation = Source: clause { $clause } ({ $source }): "{ $quote }"
ent-secondary = The basis of this item comes from reprints and was not checked against the original text; the office's word decides
ent-draft = This item comes from a draft for comment; the final document may differ, and the office's word decides
not-specified-sources = not stated in the documents; ask the local disabled persons' federation or human resources office
test-met = met
test-not-met = not met
test-unknown = unknown
value-yes = yes
value-no = no
cond-fact = { $fact } is { $value }
cond-fact-in = { $fact } is { $values }
cond-education-at-least = education { $level } or higher
cond-category = disability category { $categories }
cond-grade = disability grade { $grades }
cond-age-range = aged { $min } to { $max }
cond-age-min = aged { $min } or over
cond-age-max = aged { $max } or under
cond-working-age = of working age (16 to statutory retirement age)
cond-verify = to be checked by the office: { $what }
cond-sex = sex is { $sex }
cond-all = all of: { $conditions }
cond-any = any of: { $conditions }
missing-region = region
missing-category = disability category
missing-grade = disability grade
missing-birth = date of birth
missing-sex = sex
fact-employed = employed
fact-registered-unemployed = registered as unemployed
fact-hard-to-employ = certified as hard to employ
fact-graduating = graduating this year
fact-education = education
fact-student = a student
fact-rural = rural household
fact-dibao = receives minimum living allowance (dibao), self or family
fact-zero-employment-family = zero-employment family
fact-self-employed = self-employed
fact-starting-business = starting a business
fact-sheltered-employment = in sheltered employment
fact-public-welfare-post = in a public-welfare post
fact-female-cadre = a woman retiring as a cadre (at 55)
education-primary = primary school
education-junior-secondary = junior secondary
education-senior-secondary = senior secondary
education-secondary-vocational = secondary vocational
education-college = college
education-bachelor = bachelor's degree
education-postgraduate = postgraduate
card-too-short = the card number is too short: { $len } characters, 20 expected
card-not-digit = character { $position }, "{ $found }", is not a digit
card-check-digit = the check digit at position { $position } should be { $expected }, not { $found }
card-birth-date = the birth date at positions { $from } to { $to }, "{ $found }", is not a real date
card-birth-future = the birth date in the number is after today
card-age = the birth date in the number gives an age of { $age }, which is not possible
card-category = the disability category at position { $position }, "{ $found }", must be 1 to 7
card-grade = the disability grade at position { $position }, "{ $found }", must be 1 to 4
card-region = the first two digits, "{ $code }", are not a known province code
card-longer = the number has { $len } characters, more than the usual 20; the first 20 were read (reissued cards may be longer): please check
card-shown = Disability card: { $card }
card-last-four = ending { $last4 }
error-card = Disability card number: { $detail }
error-fact-form = write "{ $fact }" as name=value, for example dibao=yes
error-unknown-fact = There is no fact "{ $fact }". Known: { $known }
ent-form-title = Entitlements: your situation
profiles-title = Entitlements: choose a profile
profiles-new = New profile
profiles-unnamed = unnamed
profiles-no-card = no card number
ent-form-title-of = Entitlements: { $name }'s situation
title-of-person = { $title } ({ $name })
form-label = Save as (name or form of address)
help-profiles = Saved profiles, most recently changed first. The first item makes a new profile; the others are saved people, their card numbers read by the last four digits. Press Enter to open, and Delete twice to delete
ent-results-title = Screening results
ent-detail-title = Rule details
ent-summary = { $eligible } you appear to qualify for, { $unknown } need more facts, { $not } not eligible or expired
ent-screening-short = This is a first screening, not a decision
ent-changed = { $title }: from { $from } to { $to }
ent-ask = Answer: { $fact }
whatif = If { $fact } were { $value }: this one would be { $outcome }
whatif-already-met = This condition is already met
whatif-not-a-fact = This condition comes from the card or is checked by the office; it cannot be tried here
field-benefit = What it gives: { $value }
outcome-eligible = you appear to qualify
outcome-unknown = more facts needed
outcome-not-eligible = not eligible
outcome-replaced = replaced by a local rule
form-card = Disability card number
form-region = Region
form-category = Disability category
form-grade-label = Disability grade
form-birth = Date of birth
form-sex = Sex
form-show-results = Show results
form-not-filled = not filled in
form-optional = optional
form-error = error: { $error }
form-digits-typed = { $count } digits typed
form-elsewhere = elsewhere (national rules only)
form-grade = grade { $grade }
age-years = { $age } years old
form-birth-bad = write a date like 1990-03-07
sex-male = male
sex-female = female
help-ent-form = Your situation. Type the 20-digit disability card number first: it fills in category, grade, date of birth and sex; without the card, choose them by hand. Choose the region and other facts with Left and Right; leave what you do not know. Press Enter on the last item, Show results. The card number is shown by its last four digits only
help-ent-results = Screening results: first what you appear to qualify for, then what needs more facts, then what is not eligible or expired. Press Enter for reasons, source and how to apply. Press Esc to go back to your situation; change one fact and show the results again to hear what changed
help-ent-detail = One rule: what it gives, each condition with your answer, what is still needed, amounts, how to apply, what to bring, and the source. Press Enter on a condition to hear what would change if it were met, and on an Answer item to go back and fill in that fact
## Settings

settings-title = Settings
setting-language = Interface language
setting-speech = Speech
setting-rate = Speech rate
setting-volume = Volume
setting-verbosity = Verbosity
setting-screen-reader = Screen reader mode
setting-language-system = Same as system ({ $lang })
lang-zh-cn = 简体中文
lang-zh-tw = 繁體中文
lang-en = English
speech-auto = Automatic
speech-on = On
speech-off = Off
speech-status-starting = starting
speech-status-speaking = using { $backend }
speech-status-off = silent
speech-status-unavailable = speech service unavailable
speech-status-screen-reader = screen reader { $name } found, staying silent
setting-speech-value = { $chosen } (now { $now })
percent = { $value } percent
verbosity-full = Full: name, type, state and position
verbosity-brief = Brief: name and state only
on = On
off = Off
speech-unavailable = Speech is unavailable: { $why }. Tingjian keeps working; the screen is unchanged, and a screen reader can be used (technical detail: { $reason })
speech-why-no-service = the speech service speech-dispatcher was not found
speech-why-silent = the speech service makes no sound; there may be no working audio device
speech-why-not-built = this build has no speech
speech-why-failed = the speech service failed
speech-screen-reader = Screen reader { $name } is running, so Tingjian stays silent to avoid two voices at once. You can turn speech on in Settings
screen-reader-mode-on = Screen reader mode is on: no borders, and focus is shown by the cursor and reversed colours

## Help

help-title = Help
key-or = {" or "}
no-key = no key set
help-home = Main menu. Use the Up and Down arrows to choose, and Enter to open. In Policy documents you can read the disability employment action plans of five places, by region. Press F1 at any time for help on the current screen
help-regions = Regions for policy documents. Use the Up and Down arrows to choose a region and Enter to see its documents, targets and measures. Press slash to search the measures of all regions, and Esc to go back to the main menu
help-region-menu = One region. The first item is the full text: press Enter to read it paragraph by paragraph. Then come the targets and the measures by action. Press Esc to go back to the regions
help-measures = A list of measures, each read with what it is, its kind, its deadline and its clause. Press Enter for details, o to open the original text at this clause, slash to search, and Esc to go back
help-measure = Details of one measure, read item by item: what it is, action, deadline, who benefits, who is responsible, numbers, source and original text. Press o, or Enter on the original text, to open the document at this clause. Esc goes back
help-targets = The targets a region promised, each with its figure and clause. Press Enter or o to open the original text at this clause, and Esc to go back
help-search = Search the measures of all regions. Type words in the search field, even one character, and press Enter. Use the Down arrow to hear the results, Enter for details, and Esc to go back
help-reader = Reading a document paragraph by paragraph. The Up and Down arrows read the previous or next paragraph, Home and End go to the start and the end, Page Up and Page Down jump ten paragraphs, Enter reads the current paragraph again, and Esc goes back
help-settings = Settings. The Up and Down arrows choose a setting, and the Left and Right arrows or Enter change it. Changes are saved at once
help-help = Help. First the help for the current screen, then every key. You can change the keys in the keys.toml file
help-history = Speech history, newest first. Enter says an entry again, and Esc goes back

cmd-up = Previous item
cmd-down = Next item
cmd-next = Next item
cmd-previous = Previous item
cmd-first = First item
cmd-last = Last item
cmd-page-up = Up ten items
cmd-page-down = Down ten items
cmd-activate = Open or confirm
cmd-back = Back
cmd-increase = Increase the setting
cmd-decrease = Decrease the setting
cmd-help = Help for the current screen
cmd-repeat = Repeat the last announcement
cmd-read-screen = Read the whole screen
cmd-history = Speech history
cmd-stop-speech = Stop speaking
cmd-search = Search measures
cmd-original = Open the original text
cmd-delete = Delete (press again to confirm)
profile-delete-ask = Delete the profile of { $name }? Press { $keys } again to delete; any other key cancels
profile-deleted = Deleted the profile of { $name }
cmd-quit = Quit

## History

history-title = Speech history
history-empty = Nothing has been spoken yet
nothing-to-repeat = Nothing to repeat yet

## Status bar

hint-bar = F1 help, F2 repeat, F3 read screen, F4 history, Esc back, Ctrl-Q quit

## Line mode

line-prompt = Type 1 to { $count } to choose, n next, p previous, b back, h help, r repeat, q quit:{" "}
line-prompt-empty = b back, h help, q quit:{" "}
line-invalid = Not understood: “{ $input }”. Type a number from 1 to { $count }, or h for help
line-help = Line mode keys: a number opens that item; n next; p previous; Enter opens the current item; + and - change a setting; b back; r repeat; s read the whole screen; h help; q quit
line-focus = Current: { $item }
line-bye = Goodbye
line-no-field = The current item is not a text field. Choose a text field first (a number, or n and p), then type =text

## Errors

error-cache = Error reading the cache: { $detail }
error-data = Error in data file { $file }{ $line }: { $detail }
error-data-line = line { $line }
error-records = Cannot read the personal records file { $path }: { $detail }. The file has not been changed. Please give it to the service centre staff to check
error-records-newer = The personal records file { $path } comes from a newer version of Tingjian, and this version cannot open it. The file has not been changed
error-keys = Error in the key settings file { $file }{ $line }: { $detail }. Using the default keys instead
error-terminal = Terminal error: { $detail }
error-transcript = Cannot open the speech log file { $path }: { $detail }

error-unknown-region = There is no region "{ $region }". Choose from: { $known }
error-unknown-action = There is no action "{ $action }". Choose from: { $known }
cli-measure-head = { $region } · { $action } · clause { $clause }
cli-target-head = { $region } · clause { $clause }
cli-quote = Original text: "{ $quote }" ({ $source })
cli-count-measures = { $count ->
    [one] 1 measure
   *[other] { $count } measures
}
cli-count-targets = { $count ->
    [one] 1 target
   *[other] { $count } targets
}
## Diagnostics (tingjian doctor)

doctor-title = Tingjian diagnostics
doctor-version = Version: { $version }
doctor-lang = Interface language: { $lang }
doctor-speech-choice = Speech setting: { $choice }
doctor-speech-built-without = Speech: this version was built without speech (no speech feature)
doctor-speech-ok = Speech service: connected ({ $features }, took { $ms } milliseconds)
doctor-speech-fail = Speech service: cannot connect ({ $reason }). Please install and start speech-dispatcher: sudo apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
doctor-voice = Chinese voice: { $voice }
doctor-voice-missing = Chinese voice: “Chinese (Mandarin, latin as Pinyin)” not found, so Chinese may be read wrongly
doctor-screen-reader-running = Screen reader running: { $name }
doctor-screen-reader-none = Screen reader running: none found
doctor-screen-reader-mode = Screen reader mode: { $state }
doctor-files = File locations:
doctor-file = { $what }: { $path }
doctor-file-cache = Cache
doctor-file-records = Personal records
doctor-file-keys = Key settings
doctor-data = Data: { $source }, version { $hash }
doctor-data-bundled = built-in data
doctor-counts = Cache contents: { $regions ->
        [one] { $regions } region
       *[other] { $regions } regions
    }, { $documents ->
        [one] { $documents } document
       *[other] { $documents } documents
    }, { $paragraphs ->
        [one] { $paragraphs } paragraph
       *[other] { $paragraphs } paragraphs
    }
doctor-records-check = Personal records integrity check: { $result }
doctor-records-mode = Personal records file permissions: { $mode }
doctor-file-jobs = Jobs
doctor-jobs = Jobs: { $count } postings, { $samples } of them samples
doctor-jobs-check = Jobs integrity check: { $result }
