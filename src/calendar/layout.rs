//! The month grid's layout: in each week, every occurrence is one bar across the days it
//! spans there, in the lowest lane free on all of them; bars past the last lane are counted
//! per day for its "+N more".

use super::occur::Occurrence;
use crate::feed::Date;

/// An occurrence's bar in one week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bar {
    /// Index of the occurrence in the list laid out.
    pub occurrence: usize,
    /// Its first day in the week, 0 to 6.
    pub column: usize,
    /// How many days it covers in the week, 1 to 7.
    pub span: usize,
    /// Its lane, 0 at the top.
    pub lane: usize,
    /// Whether it began before this week.
    pub continued: bool,
    /// Whether it goes on after this week.
    pub continues: bool,
}

/// One week of the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Week {
    /// Its first day.
    pub first: Date,
    /// The bars shown, lane by lane.
    pub bars: Vec<Bar>,
    /// For each day, how many of its occurrences have no room ("+N more").
    pub more: [usize; 7],
    /// For each day, how many occurrences it has in all.
    pub count: [usize; 7],
}

/// Lays out the week beginning on `first` with `lanes` lanes, from `occurrences` in the
/// order a day lists them (see [`occurrences`](super::occur::occurrences)).
pub(crate) fn week(first: Date, occurrences: &[Occurrence], lanes: usize) -> Week {
    let last = first.add_days(6);
    let column = |day: Date| (day.days_since_epoch() - first.days_since_epoch()) as usize;
    let mut taken = vec![[false; 7]; lanes];
    let mut out = Week {
        first,
        bars: Vec::new(),
        more: [0; 7],
        count: [0; 7],
    };
    for (i, o) in occurrences.iter().enumerate() {
        if o.last < first || o.first > last {
            continue;
        }
        let (start, end) = (column(o.first.max(first)), column(o.last.min(last)));
        for c in start..=end {
            out.count[c] += 1;
        }
        let (continued, continues) = (o.first < first, o.last > last);
        // One bar across its days in the week, in the first lane free on all of them; else
        // a piece of it on each run of days that has a lane free (after a crowded day, where
        // it is one of the "+N more", it shows again), drawn as going on from and to its
        // other days.
        let mut c = start;
        while c <= end {
            let lane = (0..lanes)
                .find(|&l| taken[l][c..=end].iter().all(|t| !t))
                .or_else(|| (0..lanes).find(|&l| !taken[l][c]));
            let Some(lane) = lane else {
                out.more[c] += 1;
                c += 1;
                continue;
            };
            let mut stop = c;
            while stop < end && !taken[lane][stop + 1] {
                stop += 1;
            }
            taken[lane][c..=stop].fill(true);
            out.bars.push(Bar {
                occurrence: i,
                column: c,
                span: stop - c + 1,
                lane,
                continued: continued || c > start,
                continues: continues || stop < end,
            });
            c = stop + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::occur::Span;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn occ(first: &str, last: &str) -> Occurrence {
        Occurrence {
            event: 0,
            span: Span::AllDay(d(first), d(last)),
            first: d(first),
            last: d(last),
            times: None,
        }
    }

    // 2026-11-16 is a Monday.
    const MONDAY: &str = "2026-11-16";

    #[test]
    fn a_week_long_event_is_one_bar_and_a_one_day_event_goes_under_it() {
        let list = [
            occ("2026-11-16", "2026-11-20"),
            occ("2026-11-18", "2026-11-18"),
        ];
        let w = week(d(MONDAY), &list, 3);
        assert_eq!(
            w.bars,
            [
                Bar {
                    occurrence: 0,
                    column: 0,
                    span: 5,
                    lane: 0,
                    continued: false,
                    continues: false
                },
                Bar {
                    occurrence: 1,
                    column: 2,
                    span: 1,
                    lane: 1,
                    continued: false,
                    continues: false
                },
            ]
        );
        assert_eq!(w.count, [1, 1, 2, 1, 1, 0, 0]);
        assert_eq!(w.more, [0; 7]);
    }

    #[test]
    fn an_event_across_two_weeks_is_cut_into_a_bar_in_each() {
        let list = [occ("2026-11-20", "2026-11-24")];
        let this = week(d(MONDAY), &list, 3);
        let next = week(d("2026-11-23"), &list, 3);
        assert_eq!(
            (
                this.bars[0].column,
                this.bars[0].span,
                this.bars[0].continued,
                this.bars[0].continues
            ),
            (4, 3, false, true)
        );
        assert_eq!(
            (
                next.bars[0].column,
                next.bars[0].span,
                next.bars[0].continued,
                next.bars[0].continues
            ),
            (0, 2, true, false)
        );
        assert!(week(d("2026-11-30"), &list, 3).bars.is_empty());
    }

    #[test]
    fn a_free_lane_is_reused_and_what_does_not_fit_is_counted_per_day() {
        // Monday to Tuesday, then Wednesday alone: the same lane.
        let list = [
            occ("2026-11-16", "2026-11-17"),
            occ("2026-11-18", "2026-11-18"),
        ];
        let lanes: Vec<usize> = week(d(MONDAY), &list, 3)
            .bars
            .iter()
            .map(|b| b.lane)
            .collect();
        assert_eq!(lanes, [0, 0]);
        // Five events on Thursday and one from Wednesday to Friday, with three lanes.
        let mut list = vec![occ("2026-11-18", "2026-11-20")];
        list.extend((0..5).map(|_| occ("2026-11-19", "2026-11-19")));
        let w = week(d(MONDAY), &list, 3);
        assert_eq!(w.bars.len(), 3);
        assert_eq!(w.count, [0, 0, 1, 6, 1, 0, 0]);
        assert_eq!(w.more, [0, 0, 0, 3, 0, 0, 0], "6 on Thursday, 3 shown");
        assert!(w.bars.iter().all(|b| b.lane < 3));
    }

    #[test]
    fn an_event_hidden_on_a_crowded_day_shows_on_its_days_with_room() {
        // Five events from Monday to Wednesday fill the three lanes; one from Wednesday to
        // Friday finds none free on Wednesday, and one on Thursday follows it.
        let mut list: Vec<Occurrence> = (0..5).map(|_| occ("2026-11-16", "2026-11-18")).collect();
        list.push(occ("2026-11-18", "2026-11-20"));
        list.push(occ("2026-11-19", "2026-11-19"));
        let w = week(d(MONDAY), &list, 3);
        assert_eq!(w.more, [2, 2, 3, 0, 0, 0, 0], "hidden on Wednesday only");
        let late: Vec<&Bar> = w.bars.iter().filter(|b| b.occurrence == 5).collect();
        assert_eq!(
            late,
            [&Bar {
                occurrence: 5,
                column: 3,
                span: 2,
                lane: 0,
                continued: true,
                continues: false
            }],
            "on Thursday and Friday, going on from Wednesday"
        );
        let thursday = w.bars.iter().find(|b| b.occurrence == 6).unwrap();
        assert_eq!((thursday.column, thursday.lane), (3, 1));
        // Every day's events are shown or counted in "+N more".
        for c in 0..7 {
            let shown = w
                .bars
                .iter()
                .filter(|b| (b.column..b.column + b.span).contains(&c))
                .count();
            assert_eq!(shown + w.more[c], w.count[c], "day {c}");
        }
    }
}
