//! What the benches share: the median of repeated runs and the path of the built command.

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

pub fn dxplan_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dxplan"))
}
