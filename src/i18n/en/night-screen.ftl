## The night log screen (src/ui/night.rs). $evening and $morning are short dates
## ("Thu 26 Nov"); $time is HH:MM.

night-tab = Night
night-title = Night from { $evening } to { $morning }
night-last-night = Last night
night-earlier = ‹ Earlier night
night-later = Later night ›
night-not-logged = Not logged yet.
night-logged-at = Saved at { $time } on { $date }. Change any answer; it is saved at once.
night-quiet = A quiet night
night-quiet-hint = No twitches and none of the signs below, in one click (how rested, stress and notes stay as they are).
night-falling-asleep = Twitches while falling asleep
night-jerks-none = None
night-jerks-few = Once or twice
night-jerks-many = Many
night-woke-from-jolt = Woke up from a jolt
night-all-night = Twitching went on through the night
night-daytime = Twitches while awake during the day (yesterday)
night-restless-legs = In the evening, an urge to move the legs, with itching or crawling feelings that moving eases
night-partner = Someone saw my toes or ankles flex in a steady rhythm (every 20–40 seconds) while I slept
night-paralysis = Sleep paralysis: awake but unable to move
night-rested = How rested?
# $score is 1..5: the accessible name of each button.
night-rested-score = Rested: { $score } of 5
night-rested-low = worn out
night-rested-high = fully rested
night-stress = Stress yesterday
night-stress-low = Low
night-stress-some = Some
night-stress-high = High
night-notes = Notes
night-notes-hint = Anything worth remembering (coffee late, a long walk, a restless partner…)
night-save-note = Save note
night-forget = Delete this night's log
night-about = What are these twitches, and when to see a doctor?

## Warning cards and the reassurance (src/i18n/night.rs). Calm: what was logged, why
## the article says it matters, that a doctor should look; never a diagnosis.

warnings-heading = Worth a doctor's look
warning-title = { $kind ->
    [all-night] Twitching through the night, on several nights
    [daytime] Twitches while awake, on days in a row
    [restless-legs] Restless legs in the evening, again and again
    [partner] Rhythmic leg movements in your sleep, seen by someone else
   *[paralysis] Sleep paralysis, more than once
}
warning-seen = You logged this for { $count ->
    [one] the night after { $nights }
   *[other] the nights after { $nights }
}.
warning-why = { $kind ->
    [all-night] The article tells short twitches as you fall asleep, which are normal, apart from twitching that goes on through the night: that keeps the body from recovering and should not be left alone.
    [daytime] According to the article, a twitch or two by day after a hard, stressful time can happen; twitches that come back during the day, and again on the following days, are a reason to see a doctor.
    [restless-legs] The article describes an evening urge to move the legs, with itching or crawling feelings that moving eases, as something for a doctor to assess; only a doctor can tell what is behind it.
    [partner] The article says that toes or ankles flexing in a steady rhythm, every 20–40 seconds during sleep, usually goes unnoticed by the sleeper and is worth showing to a doctor.
   *[paralysis] The article says that waking up unable to move is not dangerous in itself but is very unpleasant; when it keeps coming back, a doctor can help find out why.
}
warning-doctor = This is not a diagnosis. It is worth showing to a doctor, for example a neurologist; the doctor summary lists these nights for the visit.
night-reassurance = Only twitches while falling asleep so far: the article calls short jerks at the start of sleep the ordinary kind, part of healthy sleep and no cause for worry.
night-no-warnings = None of the signs the article asks a doctor to see has come back in the last four weeks.

## The doctor summary on the night screen. $path is where it was written.

night-report-heading = Doctor summary
night-report-intro = The last weeks of night logs, the signs above with their nights, how the routine went and how steady your bedtime was: one page to print or show at a visit, or a table for a spreadsheet.
night-report-weeks = Weeks:
# The accessible name of each choice of weeks.
night-report-weeks-choice = { $weeks } weeks
night-report-html = Printable page (HTML)
night-report-csv = Table (CSV)
night-report-path = Save to
night-report-save = Save doctor summary
night-report-saved = The doctor summary was saved to { $path }.
