//! Tests of the BandMF module against dense matrix algebra and published facts.

mod accounting;
mod correlated;
mod covariance;
mod dense;
mod loss;
mod optimize;
mod partition;
mod rng;
mod strategy;
