# The night log's findings (src/i18n/signs.rs): warning cards, the reassurance, and
# "what helps". Calm and plain: what was seen, why the article says it matters, that a
# doctor should look. Never a diagnosis, never a disease named as the user's.

## A list of dates: "Tue 3 Nov, Mon 9 Nov and Mon 16 Nov". $init is all but the last, joined by commas.

signs-list = { $init } and { $last }
# Between the dates of $init.
signs-list-separator = {", "}

## Warning cards. $kind: all-night, daytime, restless-legs, partner, paralysis.

signs-warning-title = { $kind ->
    [all-night] Twitching through the night
    [daytime] Twitches during the day, coming back
    [restless-legs] Restless legs, again and again
    [partner] Rhythmic leg movements in sleep, seen by someone
    [paralysis] Sleep paralysis, more than once
   *[several] Several signs on the same night
}
# $count is the number of nights (or days), $nights the dates.
signs-warning-seen = { $kind ->
    [all-night] You logged twitching through the night on { $count ->
        [one] { $count } night
       *[other] { $count } nights
    }: { $nights }.
    [daytime] You logged twitches during the day on { $count ->
        [one] { $count } day
       *[other] { $count } days
    }: { $nights }.
    [restless-legs] You logged legs trembling from falling asleep on through sleep, with itching and a constant need to move them, on { $count ->
        [one] { $count } night
       *[other] { $count } nights
    }: { $nights }.
    [partner] Someone saw your toes or ankles flex rhythmically in your sleep on { $count ->
        [one] { $count } night
       *[other] { $count } nights
    }: { $nights }.
    [paralysis] You logged sleep paralysis on { $count ->
        [one] { $count } night
       *[other] { $count } nights
    }: { $nights }.
   *[several] You logged two or more of these signs on the same night, on { $count ->
        [one] { $count } night
       *[other] { $count } nights
    }: { $nights }.
}
# The nights with the sign in the weeks before the four: $recent is no when none was in the four weeks.
signs-seen-earlier = { $recent ->
    [yes] Also logged on { $count ->
        [one] { $count } earlier night
       *[other] { $count } earlier nights
    } within { $weeks } weeks: { $nights }.
   *[no] Not in these four weeks, but logged on { $count ->
        [one] { $count } night
       *[other] { $count } nights
    } within the last { $weeks } weeks: { $nights }.
}
# The sign as a heading-like name, for the doctor summary.
signs-sign = { $kind ->
    [all-night] Twitching through the night
    [daytime] Twitches during the day
    [restless-legs] Legs trembling from falling asleep on through sleep, with itching and a constant need to move them
    [partner] Rhythmic flexing of the toes or ankles in sleep, seen by someone
    [paralysis] Sleep paralysis
   *[several] Two or more of these signs on the same night
}
# The doctor summary, third person: $count nights (the last 12 weeks), $nights the dates.
# $row: all (every one the day after the one before), some ($in_row of them in a row, the
# longest run), none.
signs-summary-seen = { $sign }: logged on { $unit ->
    [day] { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
    [evening] { $count ->
        [one] { $count } evening
       *[other] { $count } evenings
    }
   *[night] { $count ->
        [one] { $count } night
       *[other] { $count } nights
    }
}{ $row ->
    [all] {" "}in a row
    [some] , { $in_row } of them in a row
   *[none] {""}
}: { $nights }.
signs-summary-rested = { $all ->
    [yes] Rested score on those nights: { $scores } out of 5.
   *[no] Rested score on { $answered } of those { $total } nights: { $scores } out of 5.
}
signs-summary-below-heading = Also logged, on single or scattered nights
signs-summary-doctor = The patient was advised to have these notes looked at by a doctor without delay. The app only counts what was logged; it makes no diagnosis.
# Signs logged after the evening shown ($count nights, $nights the dates).
signs-later = After this evening, signs were logged on { $count ->
    [one] { $count } more night
   *[other] { $count } more nights
}: { $nights }. See the latest night for what they add up to.
signs-warning-why = { $kind ->
    [all-night] A twitch or two while falling asleep is normal. Twitching that goes on through the night is different: the article says it keeps the body from recovering and can point to a health problem that needs care, and that the earlier it is looked at, the better.
    [daytime] The article allows an odd twitch by day after serious stress. Twitches that come back during the day on the following days, or keep coming back, are, it says, a reason to have them checked.
    [restless-legs] The article describes legs trembling from falling asleep on through sleep, with itching and a constant need to move them, as something a doctor recognises mainly from what you tell them, not from an examination; it can have causes that can be treated.
    [partner] The article describes rhythmic flexing of the toes or ankles every 20 to 40 seconds during sleep as a pattern of its own: it usually wakes the sleeper without them remembering, and it almost always comes with restless legs.
    [several] The article ties these signs together: twitches that keep coming back by day and by night are one of the things a doctor looks into, and the leg movements someone sees in your sleep almost always come with restless legs. Several of them on one night are worth a doctor's look even once.
   *[paralysis] Being awake but unable to move is frightening but, the article says, not dangerous in itself. It names possible causes: frequent severe stress, drug addiction or alcoholism, chronic lack of sleep, an overdose or months of certain medicines (tranquillisers, antidepressants), an imbalance in the nervous system, and a wide range of diseases of the nervous system; it can also be inherited. A doctor can sort out which applies.
}
# $scores: the answered scores ("2, 1 and 2"); $answered of $total nights had one; $all: yes when every night had.
signs-rested = { $all ->
    [yes] On those nights you rated how rested you felt { $scores } out of 5.
   *[no] On { $answered } of those { $total } nights you rated how rested you felt: { $scores } out of 5.
}
# Between the scores of $scores ("2, 1 and 2").
signs-rested-separator = {", "}
signs-warning-doctor = Do not put off showing these notes to a doctor, for example a neurologist: the article says problems that are left take longer and are harder to treat. The app cannot tell what causes it, and this is not a diagnosis.

## A sign logged in the last four weeks whose card has not appeared: still said, with its
## nights (signs-warning-seen) and when a card would appear, never as "nothing".

signs-below-heading = Logged, not yet often enough for a card
# $windows: the card's rule, signs-window joined by signs-window-or.
# $count: nights so far (with the earlier ones), $apart: days between the first and the last.
signs-below-when = The app shows a card about it if it is logged { $windows } (so far: { $count ->
    [one] once
   *[other] { $count } times, { $apart } days apart
}).
# One way a card appears. $unit: night, day, evening. $span: in-a-row, weeks (with $weeks), days (with $days).
signs-window = on { $unit ->
    [day] { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
    [evening] { $count ->
        [one] { $count } evening
       *[other] { $count } evenings
    }
   *[night] { $count ->
        [one] { $count } night
       *[other] { $count } nights
    }
} { $span ->
    [in-a-row] in a row
    [weeks] within { $weeks ->
        [one] a week
       *[other] { $weeks } weeks
    }
   *[days] within { $days } days
}
signs-window-or = { $first }, or { $second }
signs-below-anytime = You need not wait for a card: if something you logged worries you, a doctor can look at it at any time.

## The urgent signs, once on the Night screen, in `night` and in the doctor summary. From the
## article: seizures, sudden fainting, sudden paralysis; "while awake" keeps it apart from
## sleep paralysis. What goes beyond the article is labelled as general guidance.

signs-urgent = Seek urgent care at once, without waiting for a card, for sudden fainting or sudden paralysis while awake (not on falling asleep or waking, as in sleep paralysis): the article names these as possible signs of a stroke. General guidance, beyond the article: the same goes for a convulsive seizure (a fit), and for sudden weakness or numbness of an arm, a leg or the face.

## The article's reassurance: jerks while falling asleep, now and then, and nothing else.

signs-reassurance-title = Jerks while falling asleep
signs-reassurance = In the last four weeks you logged jerks while falling asleep now and then, on nights you mostly slept well, and none of the signs a doctor should see in the last twelve weeks. The article calls short jerks at the start of sleep normal: most people have them and they do no harm. A calm evening and a steady bedtime may make them rarer.

## What helps. $habit: caffeine-cutoff, warm-bath, lights-out, other ($title is the step's title).

signs-helps-habit = { $habit ->
    [caffeine-cutoff] On evenings you kept the caffeine cut-off
    [warm-bath] On evenings with a warm bath
    [lights-out] On evenings you went to bed within 30 minutes of your bedtime
   *[other] On evenings you did “{ $title }”
}
# $direction: fewer, more, same. $kept of $kept_nights against $skipped of $skipped_nights.
signs-helps-jerky = { $habit } you logged { $direction ->
    [fewer] fewer nights with many twitches
    [more] more nights with many twitches
   *[same] about as many nights with many twitches
} than on the other evenings ({ $kept } of { $kept_nights } vs { $skipped } of { $skipped_nights }).
# $direction: more, less, same. $kept and $skipped are mean scores out of 5.
signs-helps-rested = { $habit } you rated how rested you felt { $direction ->
    [more] higher on average than
    [less] lower on average than
   *[same] about the same as
} on the other evenings ({ $kept } vs { $skipped } out of 5, over { $kept_nights } and { $skipped_nights } nights).
signs-helps-caveat = These are your own notes side by side. Evenings differ in many ways, so this shows what went together, not what caused what.
