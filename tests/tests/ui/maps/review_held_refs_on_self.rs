// Review probes (valid4): a reference kept from a generic class's field while a `&mut self`
// method changes the instance, or the field is changed directly: rustc's E0502 / E0506.
use jitclass::jitclass;
use std::collections::HashMap;

#[jitclass]
pub struct Names<T> {
    pub by_id: HashMap<i64, String>,
    pub rows: Vec<Vec<T>>,
}

#[jitclass]
impl<T: Copy> Names<T> {
    pub fn touch(&mut self) {
        self.by_id.clear();
    }

    pub fn method_call(&mut self, k: i64) -> usize {
        if let Some(s) = self.by_id.get(&k) {
            self.touch();
            return s.len();
        }
        0
    }

    pub fn field_assigned(&mut self) -> usize {
        let r = self.rows.first().unwrap();
        self.rows = Vec::new();
        r.len()
    }

    pub fn field_pushed(&mut self, x: T) -> usize {
        match self.rows.last() {
            Some(r) => {
                self.rows.push(vec![x]);
                r.len()
            }
            None => 0,
        }
    }
}

fn main() {}
