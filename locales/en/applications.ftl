## Applications

## Kinds and statuses

app-kind-job = Job application
app-kind-entitlement = Entitlement or subsidy application
app-kind-training = Training enrolment
app-kind-massage-exam = Blind massage exam registration
app-kind-massage-certificate = Massage certificate application
app-kind-four-one-basic-info = "Four ones": basic information check
app-kind-four-one-assessment = "Four ones": vocational assessment request
app-kind-four-one-needs = "Four ones": employment-needs registration
app-status-draft = draft
app-status-filed = filed, to hand to the service centre
app-status-handed-over = handed to the service centre
app-status-accepted = accepted
app-status-rejected = not approved
app-status-withdrawn = withdrawn

## Forms

app-form-job = Job application form
app-form-entitlement = Entitlement or subsidy application form
app-form-training = Training enrolment form
app-form-massage-exam = Blind massage exam registration form
app-form-massage-certificate = Massage certificate application form
app-form-four-one-basic-info = "Four ones" employment service: basic information check
app-form-four-one-assessment = "Four ones" employment service: vocational assessment request
app-form-four-one-needs = "Four ones" employment service: employment-needs registration
app-type-text = text
app-type-number = number
app-type-date = date
app-type-choice = choice
app-type-yes-no = yes or no
app-type-card = disability card number
app-type-phone = phone number
app-required = required
app-has-error = error: { $problem }
app-value-empty = not filled in
app-prefilled-from = , filled in from the profile ({ $source })
app-list-field = { $id }: { $label }, { $type }, { $required }

## Fields

app-field-name = Name
app-field-name-help = As on the ID card and the disability card
app-field-card = Disability card number
app-field-card-help = 20 digits, as on the card. Screen and speech show only the last four
app-field-phone = Phone
app-field-phone-help = A mobile number of 11 digits, or a landline with its area code, e.g. 0851-12345678
app-field-sex = Sex
app-field-birth = Date of birth
app-field-birth-help = Write 1990-03-07, 1990年3月7日 or 19900307
app-field-category = Disability category
app-field-grade = Disability grade
app-field-grade-help = As on the disability card: grade 1 is the most severe, grade 4 the least
app-field-hukou = Registered residence (hukou)
app-field-hukou-help = Down to the county or district, e.g. 贵州省贵阳市南明区
app-field-address = Current address
app-field-address-help = Where staff can reach you, with the house number
app-field-education = Education
app-field-education-help = The highest level completed
app-field-employed = Working now
app-field-registered-unemployed = Registered as unemployed
app-field-registered-unemployed-help = Yes if you registered as unemployed with the local human-resources office or sub-district
app-field-dibao = Receiving dibao (you or your family)
app-field-work-experience = Work experience
app-field-work-experience-help = What work, where, and for how long; leave empty if none
app-field-skills = Skills
app-field-skills-help = e.g. screen reader, braille, typing, massage, customer service, languages
app-field-available-from = Earliest start date
app-field-available-from-help = Write 2025-03-01, 2025年3月1日 or 20250301
app-field-accommodations = Accommodations needed
app-field-accommodations-help = e.g. screen reader, braille or large-print material, a guide, step-free access, sign language
app-field-note = Note
app-field-note-help = Anything else staff should know
app-field-training-wish = Training wanted
app-field-training-wish-help = The course or provider, e.g. blind health massage, e-commerce customer service
app-field-training-time = When you can attend
app-field-school = School or training centre
app-field-school-help = The full name of the school or centre where you learnt massage
app-field-major = Subject
app-field-major-help = As on the diploma or certificate of completion
app-field-graduation = Date of graduation or completion
app-field-graduation-help = Write 2015-07-01, 2015年7月1日 or 20150701
app-field-practice-years = Years working in massage
app-field-practice-years-help = A whole number; 0 if none
app-field-exam-format = Exam paper format needed
app-field-exam-format-help = The way you can read; told to the exam office when registering
app-field-exam-passed = Date the exam was passed
app-field-exam-passed-help = The date on the pass certificate
app-field-exam-certificate-no = Pass certificate number
app-field-exam-certificate-no-help = The number on the pass certificate; leave empty if none
app-field-workplace = Current employer
app-field-workplace-help = The massage centre or employer; leave empty if none
app-field-assessment-wish = What to assess
app-field-assessment-wish-help = e.g. what work suits you, what training you need, what to change at the workplace
app-field-preferred-work = Work wanted
app-field-preferred-work-help = e.g. massage, customer service, e-commerce, handicraft, a public-welfare post
app-field-preferred-place = Where you want to work
app-field-preferred-place-help = A city or district, e.g. 南昌市东湖区
app-field-home-based = Want to work from home
app-field-work-time = Working time wanted
app-field-expected-pay = Expected monthly pay (yuan)
app-field-expected-pay-help = A whole number of yuan; leave empty if unsure
app-field-needs-training = Need vocational training
app-choice-grade-1 = grade 1
app-choice-grade-2 = grade 2
app-choice-grade-3 = grade 3
app-choice-grade-4 = grade 4
app-choice-weekdays = weekdays
app-choice-weekends = weekends
app-choice-either = either
app-choice-full-time = full time
app-choice-part-time = part time
app-choice-braille = braille paper
app-choice-large-print = large-print paper
app-choice-electronic = electronic paper (with a screen reader)
app-choice-regular = ordinary paper

## Problems

app-error-in-field = { $label }: { $problem }
app-hint-field = { " " }(fill in with --field { $field }=…)
app-problem-required = required
app-problem-unknown-field = this form has no such field
app-problem-too-short = too short, at least { $min } characters
app-problem-too-long = too long, at most { $max } characters
app-problem-control = contains line breaks, tabs or invisible control characters; please type it again
app-problem-not-a-number = not a whole number
app-problem-too-small = cannot be less than { $min }
app-problem-too-large = cannot be more than { $max }
app-problem-bad-date = not a real date; write 2025-03-01, 2025年3月1日 or 20250301
app-problem-not-a-choice = not one of the choices: { $choices }
app-problem-not-yes-no = answer yes or no
app-problem-card = disability card number: { $detail }
app-problem-phone = phone number: { $detail }
app-phone-empty = no digits
app-phone-not-digit = "{ $found }" is not a digit
app-phone-country = not a Chinese number (the country code should be +86)
app-phone-mobile-length = a mobile number has 11 digits, this has { $digits }
app-phone-mobile-prefix = a mobile number begins 13 to 19
app-phone-area-code = not an area code; area codes begin with 0, e.g. 010, 020, 0851
app-phone-local-length = after the area code come 7 or 8 digits, this has { $digits }
app-phone-local-prefix = the number after the area code cannot begin with 0
app-phone-no-area-code = a landline needs its area code, e.g. 0851-12345678

## Command line

app-owner-client = Client: { $name }
app-owner-myself = Client: yourself
app-myself = yourself
app-applying = { $kind }: { $target }
app-target-none = not given
app-target-posting = { $id } { $title } ({ $employer })
app-target-rule = { $id } { $title }
app-draft-new = New draft, application number { $id }, saved
app-draft-continued = Continuing the draft of application { $id }
app-draft-kept = Application { $id } is kept as a draft: { $count } things to fill in or correct before it can be filed:
app-continue-hint = Run the same command again with --field name=value to continue this draft; --list-fields lists every field
app-filed = Application { $id } is filed, with the papers to hand over: take it to the service centre
app-summary-documents = Documents to bring:
app-documents-none = The data does not say what to bring; ask the office that handles it
app-document = { $what } ({ $citation })
app-status-changed = Application { $id }: from "{ $from }" to "{ $to }"
app-list-row = { $id }. { $owner }, { $kind }, { $target }, { $status }, updated { $updated }
app-list-empty = No applications yet
app-client-with-card = { $name } (card ending { $last4 }, #{ $id })
app-client-no-card = { $name } (#{ $id })
app-no-clients = no client profiles are saved yet
app-exported = Exported { $count } applications to { $path }. The file holds personal data: keep it safe
app-exported-full-numbers = Note: the file holds full card and phone numbers
app-col-id = Number
app-col-client = Client
app-col-card = Disability card number
app-col-kind = Kind
app-col-target = Applied for
app-col-status = Status
app-col-created = Created
app-col-updated = Updated
app-summary-title = Tingjian · application { $id }
app-summary-kind = Kind: { $kind }
app-summary-target = Applied for: { $target }
app-summary-status = Status: { $status }
app-summary-created = Created: { $time }
app-summary-updated = Updated: { $time }
app-summary-fields = Filled in:
app-summary-field = { $label }: { $value }
app-summary-history = History:
app-summary-event = { $time } { $status } ({ $who })
app-summary-note = , note: { $note }
app-error-no-form = There is no form for "{ $kind }": the data files may be incomplete
app-error-unknown-client = No client called "{ $name }". Saved clients: { $known }
app-error-ambiguous-client = "{ $name }" matches more than one client: { $matches }. Write the full name, or #number
app-error-target-needed = { $kind } needs what is applied for: use --target
app-error-target-bad = What is applied for is too long or has control characters
app-error-no-posting = No job posting with id "{ $id }". Find one with tingjian jobs search
app-error-no-rule = No entitlement with id "{ $id }". tingjian entitlements --format json lists every id
app-error-field-form = "{ $field }" should be name=value, e.g. phone=13812345678
app-error-unknown-field = This form has no field "{ $field }". Fields: { $known }
app-error-note = The note is too long (500 characters at most) or has control characters
app-error-conflict = Application { $id } was just changed elsewhere (another terminal). Your change was not saved and did not overwrite theirs. Open the application again, check the latest version, then change it
app-error-no-such = There is no application { $id }
app-error-not-editable = Application { $id } is "{ $status }", not a draft: it stays as it was filed. To change it, withdraw it and apply again
app-error-transition = Application { $id } cannot go from "{ $from }" to "{ $to }"
app-error-client-has-applications = This client has { $count } applications, so the profile is kept (applications are never deleted, only withdrawn)
app-error-not-records = { $path } is not a records file that can be used ({ $detail }). Nothing was changed

## Backup, restore, the records file

app-records-damaged-hint = The file is kept as it is. tingjian restore BACKUP-FILE restores a backup; or tingjian records --start-new renames it to { $path }.damaged-TIME and starts a new, empty records file
app-backup-written = Backed up to { $path }. The file holds personal data and only your account can read it: keep it safe
app-restored = Restored the records file from { $from }
app-restored-kept = Restored the records file from { $from }. The previous records file is kept as { $aside }, not deleted
app-records-status = Records file: { $path }. Integrity check: { $integrity }. { $clients } clients, { $applications } applications
app-records-fine = The records file { $path } can be read: nothing to do
app-records-confirm = The records file { $path } cannot be read. Rename it, keeping it, and start a new, empty records file? The old file is not deleted. Type yes to confirm:
app-records-not-confirmed = Not confirmed: nothing was changed
app-records-need-yes = The records file { $path } cannot be read. To rename it, keeping it, and start a new, empty one, run this in a terminal or add --yes
app-records-started-new = Started a new, empty records file { $path }. The old file is kept as { $aside }; a service-centre worker can look at it
