//! The one sink type the converter runs the checking engine with: the pipeline (the conversion
//! itself) or the probe (the first records of a window, to recognise the source profile), so that
//! the converter holds one `Engine` type for both. (The engine itself is compiled once whatever
//! its sink: see `check::engine::Core`.)

use crate::check::{RecordInfo, Sink};
use crate::convert::pipeline::Pipeline;
use crate::convert::source::Probe;
use crate::decode::TextEncoding;
use crate::plan::{KeySet, Plan};
use crate::report::Finding;

/// Where the converter's engine sends what it reads.
pub(crate) enum ConvertSink {
    /// Converting.
    Pipeline(Box<Pipeline>),
    /// Probing a window.
    Probe(Probe),
}

impl ConvertSink {
    /// The pipeline, when converting.
    pub(crate) fn pipeline(self) -> Option<Box<Pipeline>> {
        match self {
            ConvertSink::Pipeline(pipeline) => Some(pipeline),
            ConvertSink::Probe(_) => None,
        }
    }

    /// The pipeline, when converting.
    pub(crate) fn pipeline_mut(&mut self) -> Option<&mut Pipeline> {
        match self {
            ConvertSink::Pipeline(pipeline) => Some(pipeline),
            ConvertSink::Probe(_) => None,
        }
    }

    /// The probe, when probing.
    pub(crate) fn probe(self) -> Option<Probe> {
        match self {
            ConvertSink::Pipeline(_) => None,
            ConvertSink::Probe(probe) => Some(probe),
        }
    }
}

impl Sink for ConvertSink {
    fn finding(&mut self, finding: Finding) {
        match self {
            ConvertSink::Pipeline(p) => p.finding(finding),
            ConvertSink::Probe(p) => p.finding(finding),
        }
    }

    fn end_record(&mut self, record: &RecordInfo<'_>) {
        match self {
            ConvertSink::Pipeline(p) => p.end_record(record),
            ConvertSink::Probe(p) => p.end_record(record),
        }
    }

    fn wants_fields(&self) -> bool {
        match self {
            ConvertSink::Pipeline(p) => p.wants_fields(),
            ConvertSink::Probe(p) => p.wants_fields(),
        }
    }

    fn tracked(&mut self, plan: Option<Plan>, keys: Option<KeySet>) {
        match self {
            ConvertSink::Pipeline(p) => p.tracked(plan, keys),
            ConvertSink::Probe(p) => p.tracked(plan, keys),
        }
    }

    fn encoding_decided(&mut self, encoding: TextEncoding) {
        match self {
            ConvertSink::Pipeline(p) => p.encoding_decided(encoding),
            ConvertSink::Probe(p) => p.encoding_decided(encoding),
        }
    }
}
