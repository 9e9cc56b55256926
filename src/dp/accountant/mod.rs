//! Privacy accountants for the Poisson-subsampled Gaussian mechanism.
