//! A memory budget for the one step that runs a plan's own code: typst compiling the plan's
//! `templates/layout.typ`. The time limit alone (render/pdf.rs) lets a three-line loop allocate
//! gigabytes before it fires, and a CI runner that swaps or is killed by the kernel never says
//! why. So the process counts the bytes it holds, and while a budget is armed:
//!
//! - past the budget, the compile is over budget: [`exceeded`] turns true, and the thread waiting
//!   for the compile reports a located DX100, as for the time limit. The compiling thread, if it
//!   asked for a large block (≥ 1 MiB, the buffers a runaway loop grows), is put to sleep before
//!   it gets it, so it stops growing; it ends with the process.
//! - past a ceiling of half the budget more (small allocations keep coming, or several compiles
//!   at once), the process ends with one message and exit code 2.
//!
//! Why not fail the compile itself: an allocator must not unwind, and typst cannot be told to
//! stop. Nothing is lost either way: outputs are written only after every format has been
//! rendered (build.rs), so no file is left half-written, and a user's file is never touched.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicU64, AtomicUsize, Ordering::Relaxed};

use dxplan_core::lang::Lang;

/// Budget of one compile when `DXPLAN_LAYOUT_MEMORY` (MiB) does not set another: far above what
/// the largest plan needs (the 1,000-project benchmark peaks under 200 MiB), far below a CI
/// runner's memory.
pub const DEFAULT_BUDGET_MIB: usize = 2048;

/// The system allocator, counting.
pub struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
/// The armed budget (soft) and ceiling (hard), as totals of `LIVE`.
static LIMIT: AtomicIsize = AtomicIsize::new(isize::MAX);
static CEILING: AtomicIsize = AtomicIsize::new(isize::MAX);
/// The compile (its [`Budget`] id) that passed its budget last; 0: none.
static OVER_BY: AtomicU64 = AtomicU64::new(0);
static NEXT_ID: AtomicU64 = AtomicU64::new(1);
static ARMED: AtomicUsize = AtomicUsize::new(0);
static ENGLISH: AtomicBool = AtomicBool::new(false);
static BUDGET_MIB: AtomicUsize = AtomicUsize::new(DEFAULT_BUDGET_MIB);
/// What the armed budget bounds, for the message when the process must end ([`Cause`]).
static CAUSE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// What runs under a budget: the message that ends the process names it, not always
/// templates/layout.typ (a plan without one was blamed for it).
#[derive(Clone, Copy)]
pub enum Cause {
    /// The plan's own `templates/layout.typ`.
    PlanLayout = 0,
    /// dxplan's built-in layout, on a plan too large for it.
    BuiltinLayout = 1,
    /// A plan's own wording template (`templates/*.txt`).
    Template = 2,
}

/// The budget for a plan's wording template: its sentences take kilobytes.
pub const TEMPLATE_BUDGET_MIB: usize = 256;

// The binary installs the counter (`#[global_allocator]` in crates/dxplan/src/main.rs): a library
// must not choose its user's allocator. Without it nothing is counted and only the time limit
// bounds a layout. This crate's own tests count too.
#[cfg(test)]
#[global_allocator]
static GLOBAL: Counting = Counting;

/// Each thread settles its count with the shared one in steps of this many bytes: one atomic
/// operation per allocation cost the PDF build 5 % (measured, docs/PERFORMANCE.md); the bound
/// is then off by at most this much per thread.
const STEP: isize = 1 << 20;

thread_local! {
    // Const-initialised and without destructor, so usable inside the allocator.
    static PENDING: Cell<isize> = const { Cell::new(0) };
    /// The budgeted compile this thread runs (0: none); such a thread may be put to sleep.
    static BUDGET_ID: Cell<u64> = const { Cell::new(0) };
}

/// A request this large that passes the budget comes from a growing buffer: its thread sleeps.
const LARGE: usize = 1 << 20;

/// Adds `delta` bytes to the count; ends the process if an armed budget is passed.
fn account(delta: isize) {
    // Nothing armed, nothing counted: `check` allocates a lot and would pay ~7 % for it.
    if ARMED.load(Relaxed) == 0 {
        return;
    }
    let settle = PENDING
        .try_with(|p| {
            let v = p.get() + delta;
            if v.abs() < STEP {
                p.set(v);
                0
            } else {
                p.set(0);
                v
            }
        })
        // A thread being torn down has no local count left: settle directly.
        .unwrap_or(delta);
    if settle != 0 {
        let now = LIVE.fetch_add(settle, Relaxed) + settle;
        if settle > 0 && now > LIMIT.load(Relaxed) {
            // Blamed on the compile of this thread; growth on other threads meets the ceiling.
            let id = BUDGET_ID.try_with(Cell::get).unwrap_or(0);
            if id != 0 {
                OVER_BY.store(id, Relaxed);
            }
            if now > CEILING.load(Relaxed) {
                over_ceiling();
            }
        }
    }
}

/// Before a large request: a budgeted thread already over budget sleeps instead of growing.
fn before_large(size: usize) {
    let id = BUDGET_ID.try_with(Cell::get).unwrap_or(0);
    if size < LARGE || id == 0 {
        return;
    }
    let projected = LIVE.load(Relaxed).saturating_add(size as isize);
    if OVER_BY.load(Relaxed) == id || projected > LIMIT.load(Relaxed) {
        OVER_BY.store(id, Relaxed);
        // `sleep` is a system call; nothing here allocates.
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}

#[cold]
fn over_ceiling() -> ! {
    // Disarmed first, so that whatever `exit` allocates succeeds.
    LIMIT.store(isize::MAX, Relaxed);
    CEILING.store(isize::MAX, Relaxed);
    // Formatted by hand on the stack: no allocation while over budget.
    let mut digits = [0u8; 20];
    let mut n = BUDGET_MIB.load(Relaxed);
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let english = ENGLISH.load(Relaxed);
    let (head, tail): (&[u8], &[u8]) = match (CAUSE.load(Relaxed), english) {
        (1, true) => (
            b"error: the plan is too large for dxplan's PDF layout: it needs more than ",
            b" MiB of memory (DXPLAN_LAYOUT_MEMORY); stopped, nothing was written\n",
        ),
        (1, false) => (
            "lỗi: kế hoạch quá lớn cho bố cục PDF của dxplan: cần quá ".as_bytes(),
            " MiB bộ nhớ (DXPLAN_LAYOUT_MEMORY); đã dừng, không tệp nào được ghi\n".as_bytes(),
        ),
        (2, true) => (
            b"error: a template of the plan (templates/*.txt) needs more than ",
            b" MiB of memory; stopped, nothing was written\n",
        ),
        (2, false) => (
            "lỗi: một mẫu văn bản của kế hoạch (templates/*.txt) cần quá ".as_bytes(),
            " MiB bộ nhớ; đã dừng, không tệp nào được ghi\n".as_bytes(),
        ),
        (_, true) => (
            b"error: the plan's PDF layout (templates/layout.typ) needs more than ",
            b" MiB of memory (DXPLAN_LAYOUT_MEMORY); stopped, nothing was written\n",
        ),
        (_, false) => (
            "lỗi: bố cục PDF của kế hoạch (templates/layout.typ) cần quá ".as_bytes(),
            " MiB bộ nhớ (DXPLAN_LAYOUT_MEMORY); đã dừng, không tệp nào được ghi\n".as_bytes(),
        ),
    };
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(head);
    let _ = err.write_all(&digits[i..]);
    let _ = err.write_all(tail);
    std::process::exit(2)
}

// SAFETY: every call goes straight to `System` with the caller's arguments; the count is
// bookkeeping only and never changes what is allocated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        before_large(layout.size());
        account(size(layout.size()));
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        before_large(layout.size());
        account(size(layout.size()));
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        account(-size(layout.size()));
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            before_large(new_size - layout.size());
        }
        account(size(new_size) - size(layout.size()));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// A layout's size never exceeds `isize::MAX` (std guarantees it).
fn size(n: usize) -> isize {
    n as isize
}

/// The language of the one message this module prints (set once by `main`).
pub fn set_lang(lang: Lang) {
    ENGLISH.store(lang == Lang::En, Relaxed);
}

/// Bytes allocated and not freed since the first of the budgets now armed (within [`STEP`] per
/// thread): memory freed then that was taken before counts against it, so the budget is, if
/// anything, more generous by what the process held when armed.
pub fn live() -> isize {
    LIVE.load(Relaxed)
}

/// One compile's budget: made where the compile is awaited ([`Budget::id`] asks whether it was
/// passed), armed on the thread that compiles. While armed, the process may hold at most what it
/// held then plus the budget; budgets that overlap keep the most generous limit, and the last
/// one dropped lifts it.
pub struct Budget {
    id: u64,
}

/// A budget armed on the current thread.
pub struct Armed(());

impl Budget {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Budget {
        Budget {
            id: NEXT_ID.fetch_add(1, Relaxed),
        }
    }

    pub fn id(&self) -> u64 {
        self.id
    }

    /// Arms the budget for a compile on the current thread (which may then be put to sleep).
    pub fn arm(self) -> Armed {
        self.arm_for(layout_budget_mib(), Cause::PlanLayout)
    }

    /// Arms a budget of `mib` for `cause` on the current thread.
    pub fn arm_for(self, mib: usize, cause: Cause) -> Armed {
        CAUSE.store(cause as u8, Relaxed);
        BUDGET_MIB.store(mib, Relaxed);
        let budget = isize::try_from(mib.saturating_mul(1 << 20)).unwrap_or(isize::MAX);
        let first = ARMED.load(Relaxed) == 0;
        if first {
            LIVE.store(0, Relaxed);
        }
        let limit = live().saturating_add(budget);
        let ceiling = limit.saturating_add((budget / 2).max(256 << 20));
        if ARMED.fetch_add(1, Relaxed) == 0 {
            LIMIT.store(limit, Relaxed);
            CEILING.store(ceiling, Relaxed);
        } else {
            LIMIT.fetch_max(limit, Relaxed);
            CEILING.fetch_max(ceiling, Relaxed);
        }
        let _ = BUDGET_ID.try_with(|b| b.set(self.id));
        Armed(())
    }
}

impl Drop for Armed {
    fn drop(&mut self) {
        let _ = BUDGET_ID.try_with(|b| b.set(0));
        if ARMED.fetch_sub(1, Relaxed) == 1 {
            LIMIT.store(isize::MAX, Relaxed);
            CEILING.store(isize::MAX, Relaxed);
        }
    }
}

/// The layout's budget: `DXPLAN_LAYOUT_MEMORY` (MiB), else the default — but never more than
/// half of the address space the process may have (`ulimit -v`): past that, the allocator fails
/// first and the process aborts without saying why.
pub fn layout_budget_mib() -> usize {
    let asked = std::env::var("DXPLAN_LAYOUT_MEMORY")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(DEFAULT_BUDGET_MIB);
    match address_space_mib() {
        Some(limit) => asked.min(limit / 2).max(64),
        None => asked,
    }
}

/// The process's address-space limit in MiB (`ulimit -v`), if it has one.
fn address_space_mib() -> Option<usize> {
    #[cfg(target_os = "linux")]
    {
        // "Max address space  <soft>  <hard>  bytes" in /proc/self/limits: no libc call needed.
        let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
        let line = limits
            .lines()
            .find(|l| l.starts_with("Max address space"))?;
        let soft = line.split_whitespace().nth(3)?;
        soft.parse::<u64>().ok().map(|b| (b >> 20) as usize)
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Whether the compile of budget `id` has passed its budget.
pub fn exceeded(id: u64) -> bool {
    OVER_BY.load(Relaxed) == id
}

/// The budget in MiB, for messages.
pub fn budget_mib() -> usize {
    BUDGET_MIB.load(Relaxed)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_what_is_held_while_armed() {
        let _armed = super::Budget::new().arm();
        let before = super::live();
        let v: Vec<u8> = Vec::with_capacity(64 << 20);
        // Other test threads allocate too; 64 MiB stands well above their noise.
        assert!(super::live() >= before + (60 << 20));
        drop(v);
        assert!(super::live() < before + (60 << 20));
    }
}
