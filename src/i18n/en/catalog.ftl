# The step catalog: titles, reasons and the article's advice in our own words, one
# message per text with a selector on the step id ($id). Used through src/i18n/catalog.rs.
# The article gives advice, never clock times or humidity figures: any time or number
# here is the app's default or general guidance, and says so.
# These are the catalog's only words: src/model/catalog.rs holds the ids, no text.

catalog-title = { $id ->
    [caffeine-cutoff] Last strong coffee or tea
    [no-alcohol-tobacco] Give up alcohol, tobacco and recreational drugs
    [mineral-dinner] Mineral-rich dinner
    [daytime-movement] Morning warm-up and more walking
    [calm-evening] Slow down for the evening
    [warm-bath] Warm bath
    [calm-ambience] Candles and calm music
    [ventilate-bedroom] Air the bedroom
    [humidity-check] Check the bedroom humidity
    [warm-hands-feet] Keep hands and feet warm
    [dark-quiet-bedroom] Dark, quiet bedroom, fresh bedding
    [set-alarm] Set the alarm for the fixed wake time
    [lights-out] Lights out
   *[other] { $id }
}

# One or two sentences: why the step helps, and which part is the app's default.
catalog-why = { $id ->
    [caffeine-cutoff] Caffeine in coffee and strong tea stimulates the nervous system. From now on, fruit compote or chamomile tea instead.
    [no-alcohol-tobacco] Give up alcohol, smoking and recreational drugs completely, not just tonight: the article names them among the main causes of twitches. Prescribed medicines: ask your doctor.
    [mineral-dinner] Kefir, vegetables and herbs bring magnesium, calcium and potassium; too little potassium is one suspected cause of twitches.
    [daytime-movement] An active day helps: a light warm-up after waking, a jog in fresh air, or simply more walking. Do not overdo it: heavy exertion can itself set off twitches, especially in older or untrained people.
    [calm-evening] From now on keep to quiet things: no hard exercise, work or arguments. Stress that builds up over the day is one suspected cause of twitches at night.
    [warm-bath] A warm bath helps the body relax and let go of the day.
    [calm-ambience] The article suggests scented candles and calm music for a calm evening before sleep. Put the candle out before you fall asleep.
    [ventilate-bedroom] Fresh air in the bedroom is part of a good sleeping climate. Open the window for a few minutes (how long is the app's suggestion).
    [humidity-check] The article asks for normal humidity in the bedroom and a humidifier if the air is dry, especially in the heating season. About 40–60 % is a common comfort range (general guidance, not from the article).
    [warm-hands-feet] In autumn and winter the article says to avoid getting chilled and above all to keep your hands and feet warm. Warm socks and a warm blanket are our own suggestion.
    [dark-quiet-bedroom] Loud sounds and bright light get in the way of falling asleep. Old bedding and feather pillows are best replaced; a supportive mattress and pillow help.
    [set-alarm] The article advises keeping to a daily routine and getting up early, best with an alarm clock.
    [lights-out] An early bedtime, as part of a daily routine you keep to. The time before the alarm is time in bed: for eight hours of sleep, plan a little more.
   *[other] {""}
}

# Said after a step's "why" while its time is still the one the app chose (the
# article gives no clock times); left out once the user has set their own.
catalog-why-default-time = { $id ->
    [caffeine-cutoff] (The time is the app's default.)
    [no-alcohol-tobacco] (The time is the app's default.)
    [mineral-dinner] (The time is the app's default.)
    [calm-evening] (The time is the app's default.)
    [warm-bath] (The time is the app's default.)
   *[other] {""}
}

# What the article itself advises, retold in our own words (no app defaults here).
catalog-from-article = { $id ->
    [caffeine-cutoff] Avoid large doses of caffeine: if you like strong caffeinated drinks such as coffee and tea, cut down on them a lot, and have fruit compote or chamomile tea instead.
    [no-alcohol-tobacco] Give up bad habits completely: alcohol, drugs and smoking are named among the main causes of myoclonus.
    [mineral-dinner] Eat foods with magnesium, calcium and potassium, such as kefir, vegetables and herbs.
    [daytime-movement] Lead an active life: a light warm-up in the morning, a jog in fresh air, or more walking if you cannot run. Too much exertion can itself bring on twitches, especially in older or untrained people.
    [calm-evening] Avoid activity before sleep; stress that builds up during the day is one suspected cause of twitches.
    [warm-bath] For a calm evening, take a warm bath.
    [calm-ambience] For a calm evening, light scented candles and put on calm music.
    [ventilate-bedroom] Look after the bedroom's climate: air the room.
    [humidity-check] Keep the bedroom's humidity normal; if the air is dry, especially in the heating season, get a humidifier.
    [warm-hands-feet] In autumn and winter avoid getting chilled, and above all keep your hands and feet warm.
    [dark-quiet-bedroom] Make your bed comfortable: no old bedding, especially feather pillows; an orthopedic mattress and pillow; no loud sounds or bright light while you fall asleep.
    [set-alarm] Keep a daily routine: go to bed early and get up early, best with an alarm clock.
    [lights-out] Keep to a daily routine and go to bed early; sleep at least eight hours, nine or ten if eight are not enough.
   *[other] {""}
}
# The line above wherever it is shown (`routine catalog`, Tonight, the step editor).
catalog-from-article-line = From the article: { $advice }

## Advice for a humidity reading. $percent is a whole number. The comfort range is
## general guidance, not a figure from the article; our own tips say so.

humidity-dry-heating = { $percent } % is dry (the usual comfort range is about 40–60 %: general guidance, not a figure from the article). Heating dries the air in this season: the article suggests a humidifier. Our own tip, not the article's: a bowl of water near the radiator.
humidity-dry = { $percent } % is dry (the usual comfort range is about 40–60 %: general guidance, not a figure from the article). For dry air the article suggests a humidifier.
humidity-humid = { $percent } % is humid (the usual comfort range is about 40–60 %: general guidance, not a figure from the article). Air the bedroom before bed (a few minutes is the app's suggestion).
humidity-comfortable = { $percent } % is comfortable (the usual comfort range is about 40–60 %: general guidance, not a figure from the article). Keep airing the room each evening.
