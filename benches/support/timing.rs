//! The benchmarks' plain harness (it keeps the dependency list short): time a piece of
//! work a number of times and print min / median / p90.

use std::time::{Duration, Instant};

/// Runs `work` once to warm caches, then `runs` times, and prints the figures.
pub fn time(label: &str, runs: usize, mut work: impl FnMut()) {
    work();
    let samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    report(label, samples);
}

/// Prints min / median / p90 of `samples` under `label`.
pub fn report(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let n = samples.len();
    println!(
        "{label:<34} min {:>7.2} ms   median {:>7.2} ms   p90 {:>7.2} ms   ({n} runs)",
        ms(samples[0]),
        ms(samples[n / 2]),
        ms(samples[n * 9 / 10])
    );
}
