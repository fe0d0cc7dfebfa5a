//! When a step is due: minutes before bedtime, minutes after waking, or a clock time;
//! and how an anchor is stored, with every number checked on the way in.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::journal::Extra;
use super::time::{hhmm, parse_hhmm, serde_hhmm};

/// What a step's due time is measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Anchor {
    /// This many minutes before bedtime (0 = at bedtime).
    BeforeBedtime { minutes: u32 },
    /// This many minutes after the morning alarm that starts the evening's day.
    AfterWake { minutes: u32 },
    /// A fixed clock time during the evening's day.
    At {
        #[serde(with = "serde_hhmm")]
        time: NaiveTime,
    },
}

impl Anchor {
    /// The offset in minutes, for anchors that have one.
    pub fn minutes(&self) -> Option<u32> {
        match *self {
            Anchor::BeforeBedtime { minutes } | Anchor::AfterWake { minutes } => Some(minutes),
            Anchor::At { .. } => None,
        }
    }
}

/// Longest anchor offset accepted: a day.
pub const MAX_ANCHOR_MINUTES: u32 = 24 * 60;

/// An anchor as stored. Its fields are spelled out (rather than flattening [`Anchor`])
/// because serde hands a flattened enum's keys to the catch-all map as well, which would
/// write them twice.
#[derive(Serialize, Deserialize)]
pub(super) struct AnchorDoc {
    kind: AnchorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time: Option<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum AnchorKind {
    BeforeBedtime,
    AfterWake,
    At,
}

impl AnchorDoc {
    pub(super) fn anchor(&self, id: &str) -> Result<Anchor, String> {
        let minutes = || self.minutes.ok_or_else(|| format!("step \"{id}\" has no minutes in its anchor"));
        let anchor = match self.kind {
            AnchorKind::BeforeBedtime => Anchor::BeforeBedtime { minutes: minutes()? },
            AnchorKind::AfterWake => Anchor::AfterWake { minutes: minutes()? },
            AnchorKind::At => {
                let text = self.time.as_deref().unwrap_or_default();
                let time = parse_hhmm(text)
                    .ok_or_else(|| format!("step \"{id}\" is due at \"{text}\", which is not a clock time"))?;
                Anchor::At { time }
            }
        };
        match anchor.minutes() {
            Some(minutes) if minutes > MAX_ANCHOR_MINUTES => {
                Err(format!("step \"{id}\" is due {minutes} minutes away, more than a day"))
            }
            _ => Ok(anchor),
        }
    }

    pub(super) fn new(anchor: Anchor, extra: Extra) -> Self {
        let (kind, minutes, time) = match anchor {
            Anchor::BeforeBedtime { minutes } => (AnchorKind::BeforeBedtime, Some(minutes), None),
            Anchor::AfterWake { minutes } => (AnchorKind::AfterWake, Some(minutes), None),
            Anchor::At { time } => (AnchorKind::At, None, Some(hhmm(time))),
        };
        AnchorDoc { kind, minutes, time, extra }
    }
}
