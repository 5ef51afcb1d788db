//! The one place that reads the clock: today's date for evaluating rules
//! and parsing card numbers. Everything else takes the date as an argument.

use crate::domain::card::Date;

fn unix_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Today's date from the system clock (UTC; the day boundary matters little here).
pub fn today() -> Date {
    date_of_day((unix_seconds() / 86_400) as i64)
}

/// Now as `YYYYMMDD-HHMMSS` (UTC), for the names of backups and of files
/// set aside.
pub fn stamp() -> String {
    let secs = unix_seconds();
    let d = date_of_day((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        d.year,
        d.month,
        d.day,
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// The date of a day number since 1970-01-01.
fn date_of_day(days: i64) -> Date {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Date {
        year: (if m <= 2 { y + 1 } else { y }) as i32,
        month: m,
        day: d,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_and_stamps() {
        let d = super::date_of_day(0);
        assert_eq!((d.year, d.month, d.day), (1970, 1, 1));
        let d = super::date_of_day(19_417);
        assert_eq!((d.year, d.month, d.day), (2023, 3, 1));
        let s = super::stamp();
        assert_eq!(s.len(), 15);
        assert_eq!(&s[8..9], "-");
    }
}
