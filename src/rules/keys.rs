//! Sorting by a hash of names instead of the names themselves: finding
//! repeated codes in a case costs n log n integer comparisons, and names
//! are compared only within a group of equal hashes.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

/// The hash of one or more names.
pub fn key(parts: &[&str]) -> u64 {
    let mut h = FxHasher::default();
    parts.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_names_give_equal_keys() {
        assert_eq!(key(&["CH", "A"]), key(&["CH", "A"]));
        assert_ne!(key(&["CH", "A"]), key(&["C", "HA"]));
    }
}
