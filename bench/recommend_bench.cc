// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The recommender over the PC-parts catalog (66,778 products) and the synthetic
// one scaled from it to 1,000,000 (bench/catalog_synthetic.h): top-10 with 3
// hard constraints and 2 preferences, with reasons rendered; a relaxation over
// 5 constraints that no product meets together; and, beside them in the same
// run, the same filter and the same ordering as an indexed SQLite query over
// the same products (what a storefront would otherwise reach for). The SQLite
// query computes the identical utility (min-max normalisation over the
// matching rows, the quadratic budget fit, the same weights) in SQL; its
// top-1 is checked against the recommender's in the label.

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "benchmark/benchmark.h"
#include "catalog_synthetic.h"
#include "chatcart/catalog.h"
#include "chatcart/recommend.h"
#include "chatcart/v1/catalog_mapping.pb.h"

namespace chatcart {
namespace {

std::string DataDir() {
  const char* env = std::getenv("CHATCART_DATA_DIR");
  return env != nullptr ? env : CHATCART_DATA_DIR;
}

// A catalog with its recommender: the PC parts, or the synthetic catalog
// scaled from them to 1,000,000 products (bench/catalog_synthetic.h; written
// to a temporary file once per process, removed at exit).
struct Fixture {
  std::shared_ptr<const Catalog> catalog;
  std::shared_ptr<const Recommender> recommender;
  std::string error;
};

enum Which { kPcParts = 0, kSynthetic1M = 1 };

Fixture* LoadFixture(const std::string& path) {
  auto* f = new Fixture;
  absl::StatusOr<v1::CatalogMapping> mapping =
      LoadCatalogMapping(std::string(CHATCART_SOURCE_DIR) + "/examples/catalogs/pcparts.textproto");
  if (!mapping.ok()) {
    f->error = std::string(mapping.status().message());
    return f;
  }
  absl::StatusOr<std::shared_ptr<const Catalog>> c = Catalog::LoadJsonl(path, *mapping);
  if (!c.ok()) {
    f->error = std::string(c.status().message());
    return f;
  }
  f->catalog = *c;
  absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(f->catalog);
  if (!r.ok()) {
    f->error = std::string(r.status().message());
    return f;
  }
  f->recommender = *r;
  return f;
}

const Fixture& Get(Which which) {
  const std::string pcparts = DataDir() + "/pcparts/products.jsonl";
  if (which == kPcParts) {
    static const Fixture* const kPcPartsFixture = LoadFixture(pcparts);
    return *kPcPartsFixture;
  }
  static const Fixture* const kSynthetic = [&] {
    static const std::string path = bench::TempPath("chatcart-recommend-synthetic");
    absl::Status written = bench::WriteSyntheticPcParts(pcparts, 1000000, 20260101, path);
    std::atexit([] { std::remove(path.c_str()); });
    if (!written.ok()) {
      auto* f = new Fixture;
      f->error = std::string(written.message());
      return static_cast<const Fixture*>(f);
    }
    const Fixture* f = LoadFixture(path);
    std::remove(path.c_str());
    return f;
  }();
  return *kSynthetic;
}

// A benchmark query: 3 constraints (category, one attribute bound, a budget)
// and 2 preferences (one to maximise, one to minimise).
struct Query {
  const char* name;
  const char* category;
  const char* attribute;  // filtered with >=
  double at_least;
  int64_t max_cents;
  const char* more;  // maximised
  const char* less;  // minimised
};

constexpr Query kQueries[] = {
    {"memory", "Memory", "module_size", 16, 10000, "memory_speed", "cas_latency"},
    {"fans", "Case Fans", "airflow", 50, 3000, "airflow", "noise_level"},
    {"monitors", "Monitors", "screen_size", 27, 40000, "refresh_rate", "response_time"},
};

RecommendRequest RequestFor(const Query& q, int top = 10) {
  RecommendRequest r;
  r.where = {absl::StrCat("category=", q.category), absl::StrCat(q.attribute, ">=", q.at_least)};
  r.budget.max = *Money::FromMinorUnits(q.max_cents, "USD");
  r.prefer = {*Preference::Parse(absl::StrCat("more:", q.more)),
              *Preference::Parse(absl::StrCat("less:", q.less))};
  r.top = top;
  return r;
}

void RunTop10(benchmark::State& state, Which which) {
  const Fixture& f = Get(which);
  if (!f.recommender) {
    state.SkipWithError(("catalog not loaded: " + f.error).c_str());
    return;
  }
  const Query& q = kQueries[state.range(0)];
  const RecommendRequest request = RequestFor(q);
  size_t matches = 0;
  for (auto _ : state) {
    absl::StatusOr<Recommendation> rec = f.recommender->Recommend(request);
    if (!rec.ok() || rec->picks.empty()) {
      state.SkipWithError("no picks");
      return;
    }
    matches = rec->matches;
    benchmark::DoNotOptimize(rec->picks.data());
  }
  state.SetLabel(absl::StrCat(q.name, ", ", matches, " match"));
}

// The catalog's Select of the same three constraints alone: the share of a
// top-10 call that is filtering.
void RunSelectOnly(benchmark::State& state, Which which) {
  const Fixture& f = Get(which);
  if (!f.catalog) {
    state.SkipWithError(("catalog not loaded: " + f.error).c_str());
    return;
  }
  const Query& q = kQueries[state.range(0)];
  const std::vector<Constraint> constraints = {
      *Constraint::Parse(absl::StrCat("category=", q.category)),
      *Constraint::Parse(absl::StrCat(q.attribute, ">=", q.at_least)),
      *Constraint::Parse(absl::StrCat("price<=", q.max_cents / 100, " USD"))};
  for (auto _ : state) {
    absl::StatusOr<ProductSet> set = f.catalog->Select(constraints);
    benchmark::DoNotOptimize(set);
  }
  state.SetLabel(q.name);
}

void BM_Recommend_PcParts_SelectOnly(benchmark::State& state) { RunSelectOnly(state, kPcParts); }
BENCHMARK(BM_Recommend_PcParts_SelectOnly)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

void BM_Recommend_Synthetic1M_SelectOnly(benchmark::State& state) {
  RunSelectOnly(state, kSynthetic1M);
}
BENCHMARK(BM_Recommend_Synthetic1M_SelectOnly)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

void BM_Recommend_PcParts_Top10(benchmark::State& state) { RunTop10(state, kPcParts); }
BENCHMARK(BM_Recommend_PcParts_Top10)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

void BM_Recommend_Synthetic1M_Top10(benchmark::State& state) { RunTop10(state, kSynthetic1M); }
BENCHMARK(BM_Recommend_Synthetic1M_Top10)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

// Five constraints that no part meets together: QuickXplain finds the
// conflict, then each relaxation is counted.
void RunRelaxation5(benchmark::State& state, Which which) {
  const Fixture& f = Get(which);
  if (!f.recommender) {
    state.SkipWithError(("catalog not loaded: " + f.error).c_str());
    return;
  }
  RecommendRequest request;
  request.where = {"category=Memory", "module_size>=32", "memory_speed>=6000", "cas_latency<=28"};
  request.budget.max = *Money::Parse("60", "USD");
  request.top = 10;
  std::string explanation;
  for (auto _ : state) {
    absl::StatusOr<Recommendation> rec = f.recommender->Recommend(request);
    if (!rec.ok() || !rec->picks.empty() || rec->relaxations.empty()) {
      state.SkipWithError("expected an empty result with relaxations");
      return;
    }
    explanation = rec->explanation;
    benchmark::DoNotOptimize(rec->relaxations.data());
  }
  state.SetLabel(explanation);
}

void BM_Recommend_PcParts_Relaxation5(benchmark::State& state) { RunRelaxation5(state, kPcParts); }
BENCHMARK(BM_Recommend_PcParts_Relaxation5)->Unit(benchmark::kMicrosecond);

void BM_Recommend_Synthetic1M_Relaxation5(benchmark::State& state) {
  RunRelaxation5(state, kSynthetic1M);
}
BENCHMARK(BM_Recommend_Synthetic1M_Relaxation5)->Unit(benchmark::kMicrosecond);

// ---------------------------------------------------------------------------
// SQLite: the same products in an in-memory table, indexed on (category,
// price) and on each filtered attribute.

struct Sqlite {
  sqlite3* db = nullptr;
  std::vector<sqlite3_stmt*> statements;  // by query
  std::string error;
};

std::string Column(const char* attribute) { return absl::StrCat("a_", attribute); }

// The recommender's scoring in SQL: price fit 0.5, each preference 1.
std::string QuerySql(const Query& q) {
  const std::string more = Column(q.more), less = Column(q.less), max = absl::StrCat(q.max_cents);
  const std::string x = absl::StrCat("MIN(1.0, MAX(0.0, (price - plo) * 1.0 / (", max, " - plo)))");
  return absl::StrCat(
      "WITH c AS (SELECT idx, price, ", more, " AS m, ", less,
      " AS l FROM products WHERE category = '", q.category, "' AND ", Column(q.attribute),
      " >= ", q.at_least, " AND price IS NOT NULL AND price <= ", max,
      "), r AS (SELECT MIN(price) AS plo, MIN(m) AS mlo, MAX(m) AS mhi, MIN(l) AS llo, MAX(l) AS "
      "lhi "
      "FROM c) SELECT idx FROM c, r ORDER BY ",
      "0.2 * (CASE WHEN ", max, " <= plo THEN 1.0 ELSE 1.0 - ", x, " * ", x, " END)",
      " + 0.4 * (CASE WHEN m IS NULL THEN 0.0 WHEN mhi = mlo THEN 1.0 ELSE (m - mlo) / (mhi - mlo) "
      "END)",
      " + 0.4 * (CASE WHEN l IS NULL THEN 0.0 WHEN lhi = llo THEN 1.0 ELSE (lhi - l) / (lhi - llo) "
      "END)",
      " DESC, idx LIMIT 10");
}

Sqlite* BuildSqlite(const Fixture& p) {
  {
    auto* s = new Sqlite;
    if (!p.catalog) {
      s->error = "catalog not loaded: " + p.error;
      return s;
    }
    const Catalog& c = *p.catalog;
    std::vector<AttributeId> numbers;
    for (const AttributeInfo& a : c.attributes()) {
      if (a.type == AttributeType::kNumber) numbers.push_back(a.id);
    }
    sqlite3_open(":memory:", &s->db);
    std::vector<std::string> columns = {"idx INTEGER PRIMARY KEY", "category TEXT", "brand TEXT",
                                        "price INTEGER"};
    for (AttributeId a : numbers)
      columns.push_back(Column(c.attributes()[a].name.c_str()) + " REAL");
    std::string create = "CREATE TABLE products (" + absl::StrJoin(columns, ", ") + ")";
    sqlite3_exec(s->db, create.c_str(), nullptr, nullptr, nullptr);
    std::string insert = "INSERT INTO products VALUES (?, ?, ?, ?";
    for (size_t k = 0; k < numbers.size(); ++k) insert += ", ?";
    insert += ")";
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(s->db, insert.c_str(), -1, &ins, nullptr);
    sqlite3_exec(s->db, "BEGIN", nullptr, nullptr, nullptr);
    for (ProductIndex i = 0; i < c.size(); ++i) {
      const Product product = c.product(i);
      sqlite3_bind_int64(ins, 1, i);
      const std::string& category = c.categories()[product.category].name;
      sqlite3_bind_text(ins, 2, category.data(), static_cast<int>(category.size()),
                        SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 3, product.brand.data(), static_cast<int>(product.brand.size()),
                        SQLITE_TRANSIENT);
      if (product.price) {
        sqlite3_bind_int64(ins, 4, product.price->minor_units());
      } else {
        sqlite3_bind_null(ins, 4);
      }
      for (size_t k = 0; k < numbers.size(); ++k) {
        std::optional<double> v = c.number_column(numbers[k]).Get(i);
        if (v) {
          sqlite3_bind_double(ins, static_cast<int>(5 + k), *v);
        } else {
          sqlite3_bind_null(ins, static_cast<int>(5 + k));
        }
      }
      sqlite3_step(ins);
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    sqlite3_exec(s->db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_exec(s->db, "CREATE INDEX by_category_price ON products(category, price)", nullptr,
                 nullptr, nullptr);
    for (const Query& q : kQueries) {
      std::string index = absl::StrCat("CREATE INDEX IF NOT EXISTS by_", q.attribute,
                                       " ON products(", Column(q.attribute), ")");
      sqlite3_exec(s->db, index.c_str(), nullptr, nullptr, nullptr);
    }
    sqlite3_exec(s->db, "ANALYZE", nullptr, nullptr, nullptr);
    for (const Query& q : kQueries) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(s->db, QuerySql(q).c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        s->error = sqlite3_errmsg(s->db);
        return s;
      }
      s->statements.push_back(stmt);
    }
    return s;
  }
}

const Sqlite& GetSqlite(Which which) {
  if (which == kPcParts) {
    static const Sqlite* const kPcPartsDb = BuildSqlite(Get(kPcParts));
    return *kPcPartsDb;
  }
  static const Sqlite* const kSyntheticDb = BuildSqlite(Get(kSynthetic1M));
  return *kSyntheticDb;
}

void RunSqliteTop10(benchmark::State& state, Which which) {
  const Sqlite& s = GetSqlite(which);
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  const Query& q = kQueries[state.range(0)];
  sqlite3_stmt* stmt = s.statements[static_cast<size_t>(state.range(0))];
  std::vector<int64_t> ids;
  for (auto _ : state) {
    ids.clear();
    while (sqlite3_step(stmt) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(stmt, 0));
    sqlite3_reset(stmt);
    benchmark::DoNotOptimize(ids.data());
  }
  // The same product first?
  absl::StatusOr<Recommendation> rec = Get(which).recommender->Recommend(RequestFor(q, 1));
  const bool same = rec.ok() && !rec->picks.empty() && !ids.empty() &&
                    rec->picks[0].product == static_cast<ProductIndex>(ids[0]);
  state.SetLabel(absl::StrCat(q.name, same ? ", same top-1" : ", TOP-1 DIFFERS"));
}

void BM_Recommend_Sqlite_PcParts_Top10(benchmark::State& state) { RunSqliteTop10(state, kPcParts); }
BENCHMARK(BM_Recommend_Sqlite_PcParts_Top10)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

void BM_Recommend_Sqlite_Synthetic1M_Top10(benchmark::State& state) {
  RunSqliteTop10(state, kSynthetic1M);
}
BENCHMARK(BM_Recommend_Sqlite_Synthetic1M_Top10)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace chatcart
