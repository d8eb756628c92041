// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The synthetic catalog for benchmarks only: N products in the PC-parts
// format (../shared/data/pcparts/products.jsonl, section 4 of its README),
// drawn from the real rows so that part types, attributes, the share of
// priced rows and the price distribution keep their proportions at any
// scale. Never committed: written at benchmark time, or by
// chatcart_catalog_synth, into a temporary file. Deterministic for a seed.

#ifndef CHATCART_BENCH_CATALOG_SYNTHETIC_H_
#define CHATCART_BENCH_CATALOG_SYNTHETIC_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"

namespace chatcart::bench {

// Writes `n` rows to `out_path`. Row k copies a uniformly drawn real row
// (`pcparts_path`) with id "syn-<k>", a price scaled by a factor in
// [0.8, 1.25] (rounded to cents; rows without a price keep none), and, for
// half the rows, a model suffix ("X7", "Pro 3") so names are not all
// duplicates. NOT_FOUND when the real catalog is absent.
absl::Status WriteSyntheticPcParts(const std::string& pcparts_path, size_t n, uint64_t seed,
                                   const std::string& out_path);

// A fresh temporary file name under $TMPDIR (or /tmp).
std::string TempPath(const std::string& stem);

}  // namespace chatcart::bench

#endif  // CHATCART_BENCH_CATALOG_SYNTHETIC_H_
