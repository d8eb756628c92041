// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// BM_Catalog_*: loading the PC parts catalog and a 1,000,000-product
// synthetic one, lookups by id and by name, and filters. Budgets (issue:
// catalog) on one core: PC parts load <= 250 ms, 1,000,000 synthetic <= 3 s,
// find by name p50 <= 20 us, a 3-constraint filter over 1,000,000 <= 2 ms.
// Skipped when ../shared/data is absent.

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "catalog_synthetic.h"
#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"

namespace chatcart {
namespace {

std::string DataDir() {
  const char* env = std::getenv("CHATCART_DATA_DIR");
  return env != nullptr && *env != '\0' ? env : CHATCART_DATA_DIR;
}
std::string PcPartsPath() { return DataDir() + "/pcparts/products.jsonl"; }

const v1::CatalogMapping* PcPartsMapping() {
  static const v1::CatalogMapping* mapping = [] {
    absl::StatusOr<v1::CatalogMapping> m = LoadCatalogMapping(
        std::string(CHATCART_SOURCE_DIR) + "/examples/catalogs/pcparts.textproto");
    return m.ok() ? new v1::CatalogMapping(*m) : nullptr;
  }();
  return mapping;
}

// This thread's CPU time in microseconds: percentiles of CPU time, so that
// other processes on a shared machine do not inflate them.
double ThreadCpuMicros() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

std::shared_ptr<const Catalog> LoadOrNull(const std::string& path) {
  if (PcPartsMapping() == nullptr) return nullptr;
  absl::StatusOr<std::shared_ptr<const Catalog>> c = Catalog::LoadJsonl(path, *PcPartsMapping());
  return c.ok() ? *c : nullptr;
}

std::shared_ptr<const Catalog> PcParts() {
  static std::shared_ptr<const Catalog> catalog = LoadOrNull(PcPartsPath());
  return catalog;
}

// The synthetic catalog's file, written once per process and removed at exit.
const std::string& SyntheticPath(size_t rows) {
  static std::string path;
  static size_t written = 0;
  if (written != rows) {
    if (!path.empty()) std::remove(path.c_str());
    path = bench::TempPath("chatcart-synthetic");
    if (!bench::WriteSyntheticPcParts(PcPartsPath(), rows, 20260101, path).ok()) path.clear();
    written = rows;
    static bool registered = [] {
      std::atexit([] {
        if (!path.empty()) std::remove(path.c_str());
      });
      return true;
    }();
    (void)registered;
  }
  return path;
}

std::shared_ptr<const Catalog> Synthetic(size_t rows) {
  static std::shared_ptr<const Catalog> catalog;
  static size_t loaded = 0;
  if (loaded != rows) {
    catalog.reset();
    const std::string& path = SyntheticPath(rows);
    catalog = path.empty() ? nullptr : LoadOrNull(path);
    loaded = rows;
  }
  return catalog;
}

void BM_Catalog_LoadPcParts(benchmark::State& state) {
  if (PcPartsMapping() == nullptr || PcParts() == nullptr) {
    state.SkipWithError("PC parts catalog or mapping not found (CHATCART_DATA_DIR)");
    return;
  }
  CatalogLoadReport report;
  for (auto _ : state) {
    absl::StatusOr<std::shared_ptr<const Catalog>> c =
        Catalog::LoadJsonl(PcPartsPath(), *PcPartsMapping(), {}, &report);
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(state.iterations() * report.rows_read);
  state.counters["MiB"] = static_cast<double>(report.bytes_in_memory) / (1 << 20);
}
BENCHMARK(BM_Catalog_LoadPcParts)->Unit(benchmark::kMillisecond)->MinTime(2);

void BM_Catalog_LoadSynthetic(benchmark::State& state) {
  const size_t rows = static_cast<size_t>(state.range(0));
  const std::string& path = SyntheticPath(rows);
  if (path.empty() || PcPartsMapping() == nullptr) {
    state.SkipWithError("PC parts catalog not found: cannot make the synthetic one");
    return;
  }
  CatalogLoadReport report;
  for (auto _ : state) {
    absl::StatusOr<std::shared_ptr<const Catalog>> c =
        Catalog::LoadJsonl(path, *PcPartsMapping(), {}, &report);
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(state.iterations() * report.rows_read);
  state.counters["MiB"] = static_cast<double>(report.bytes_in_memory) / (1 << 20);
}
BENCHMARK(BM_Catalog_LoadSynthetic)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_Catalog_FindById(benchmark::State& state) {
  std::shared_ptr<const Catalog> c = PcParts();
  if (c == nullptr) {
    state.SkipWithError("PC parts catalog not found");
    return;
  }
  std::vector<std::string> ids;
  std::mt19937 rng(1);
  for (int k = 0; k < 1024; ++k) ids.emplace_back(c->id(rng() % c->size()));
  size_t k = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(c->FindById(ids[k++ & 1023]));
  }
}
BENCHMARK(BM_Catalog_FindById);

// Queries a shopper might type: whole names, names with a variant value,
// brands and series, typos, unfinished words. Half are real names (drawn
// from the catalog), half fixed.
std::vector<std::string> NameQueries(const Catalog& c) {
  std::vector<std::string> q = {"samsung 990 pro 2tb",
                                "rtx 4070 super",
                                "corsair vengeance 32gb ddr5",
                                "ryzen 7 7800x3d",
                                "logitech g502",
                                "logitec g502 wireles",
                                "asus rog strix b650",
                                "noctua nh-d15",
                                "samsng 980 pro",
                                "crucial p3 plus 1tb",
                                "lian li o11",
                                "be quiet pure rock",
                                "msi mag b550 tomahawk",
                                "wd black sn850x",
                                "seasonic focus gx 750",
                                "keychron q1",
                                "intel core i9 14900k",
                                "gigabyte rtx 3060",
                                "hyperx cloud ii",
                                "dell 27 monitor",
                                "fractal north",
                                "arctic liquid freezer",
                                "kingston fury beast",
                                "razer deathadder",
                                "evga supernova",
                                "nzxt h510",
                                "thermaltake",
                                "cooler master hyper 212",
                                "samsung odyssey",
                                "western digital blue 4tb",
                                "g.skill trident z5",
                                "asrock"};
  std::mt19937 rng(7);
  const size_t fixed = q.size();
  for (size_t k = 0; k < fixed; ++k) q.emplace_back(c.product_name(rng() % c.size()));
  return q;
}

void BM_Catalog_FindByName(benchmark::State& state) {
  std::shared_ptr<const Catalog> c = PcParts();
  if (c == nullptr) {
    state.SkipWithError("PC parts catalog not found");
    return;
  }
  const std::vector<std::string> queries = NameQueries(*c);
  std::vector<double> micros;
  size_t k = 0;
  for (auto _ : state) {
    const double start = ThreadCpuMicros();
    std::vector<NameMatch> m = c->FindByName(queries[k++ % queries.size()]);
    micros.push_back(ThreadCpuMicros() - start);
    benchmark::DoNotOptimize(m);
  }
  std::sort(micros.begin(), micros.end());
  if (!micros.empty()) {
    state.counters["p50_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[micros.size() * 99 / 100];
  }
}
BENCHMARK(BM_Catalog_FindByName)->ThreadRange(1, 2);

std::vector<Constraint> ThreeConstraints() {
  return {*Constraint::Parse("category=Video Cards"), *Constraint::Parse("price<=300 USD"),
          *Constraint::Parse("memory>=12")};
}

void BM_Catalog_Filter3PcParts(benchmark::State& state) {
  std::shared_ptr<const Catalog> c = PcParts();
  if (c == nullptr) {
    state.SkipWithError("PC parts catalog not found");
    return;
  }
  const std::vector<Constraint> where = ThreeConstraints();
  for (auto _ : state) {
    absl::StatusOr<ProductSet> s = c->Select(where);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Catalog_Filter3PcParts)->Unit(benchmark::kMicrosecond);

void BM_Catalog_Filter3Synthetic(benchmark::State& state) {
  std::shared_ptr<const Catalog> c = Synthetic(static_cast<size_t>(state.range(0)));
  if (c == nullptr) {
    state.SkipWithError("PC parts catalog not found: cannot make the synthetic one");
    return;
  }
  const std::vector<Constraint> where = ThreeConstraints();
  size_t count = 0;
  for (auto _ : state) {
    absl::StatusOr<ProductSet> s = c->Select(where);
    count = s.ok() ? s->Count() : 0;
    benchmark::DoNotOptimize(s);
  }
  state.counters["matches"] = static_cast<double>(count);
}
BENCHMARK(BM_Catalog_Filter3Synthetic)->Arg(1000000)->Unit(benchmark::kMicrosecond);

// A filter no index drives: two numeric scans and a price scan over every product.
void BM_Catalog_FilterScanSynthetic(benchmark::State& state) {
  std::shared_ptr<const Catalog> c = Synthetic(static_cast<size_t>(state.range(0)));
  if (c == nullptr) {
    state.SkipWithError("PC parts catalog not found: cannot make the synthetic one");
    return;
  }
  const std::vector<Constraint> where = {*Constraint::Parse("price<=100 USD"),
                                         *Constraint::Parse("capacity>=1 TB"),
                                         *Constraint::Parse("color!=white")};
  for (auto _ : state) {
    absl::StatusOr<ProductSet> s = c->Select(where);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Catalog_FilterScanSynthetic)->Arg(1000000)->Unit(benchmark::kMicrosecond);

void BM_Catalog_FindByNameSynthetic(benchmark::State& state) {
  std::shared_ptr<const Catalog> c = Synthetic(static_cast<size_t>(state.range(0)));
  if (c == nullptr) {
    state.SkipWithError("PC parts catalog not found: cannot make the synthetic one");
    return;
  }
  const std::vector<std::string> queries = NameQueries(*c);
  std::vector<double> micros;
  size_t k = 0;
  for (auto _ : state) {
    const double start = ThreadCpuMicros();
    std::vector<NameMatch> m = c->FindByName(queries[k++ % queries.size()]);
    micros.push_back(ThreadCpuMicros() - start);
    benchmark::DoNotOptimize(m);
  }
  std::sort(micros.begin(), micros.end());
  if (!micros.empty()) {
    state.counters["p50_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[micros.size() * 99 / 100];
  }
}
BENCHMARK(BM_Catalog_FindByNameSynthetic)->Arg(1000000);

}  // namespace
}  // namespace chatcart
