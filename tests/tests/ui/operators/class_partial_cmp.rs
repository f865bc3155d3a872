use jitclass::jitclass;
use std::cmp::Ordering;

#[jitclass]
struct Score {
    points: i64,
}

#[jitclass]
impl PartialEq for Score {
    fn eq(&self, other: &Score) -> bool {
        self.points == other.points
    }
}

#[jitclass]
impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Score) -> Option<Ordering> {
        self.points.partial_cmp(&other.points)
    }
}

fn main() {}
