// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "catalog_synthetic.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/json.h"
#include "simdjson.h"

namespace chatcart::bench {

std::string TempPath(const std::string& stem) {
  const char* dir = std::getenv("TMPDIR");
  std::string path =
      absl::StrCat(dir != nullptr && *dir != '\0' ? dir : "/tmp", "/", stem, "-XXXXXX");
  std::vector<char> buf(path.begin(), path.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd >= 0) close(fd);
  return std::string(buf.data());
}

absl::Status WriteSyntheticPcParts(const std::string& pcparts_path, size_t n, uint64_t seed,
                                   const std::string& out_path) {
  simdjson::padded_string real;
  if (simdjson::padded_string::load(pcparts_path).get(real) != simdjson::SUCCESS) {
    return absl::NotFoundError(absl::StrCat("cannot read the PC parts catalog ", pcparts_path));
  }
  // Each real row as its pieces, the JSON of the parts that are copied as is.
  struct Template {
    std::string name, brand, tail;  // tail: from "currency" to the end, minified
    int64_t price_cents = -1;
  };
  std::vector<Template> templates;
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  if (parser.parse_many(real).get(stream) != simdjson::SUCCESS) {
    return absl::DataLossError("cannot parse the PC parts catalog");
  }
  for (simdjson::dom::element row : stream) {
    Template t;
    t.name = std::string(std::string_view(row["name"]));
    t.brand = std::string(std::string_view(row["brand"]));
    int64_t cents = 0;
    if (row["price_cents"].get(cents) == simdjson::SUCCESS) t.price_cents = cents;
    std::string tail = ", \"currency\": \"USD\", \"categories\": ";
    tail += simdjson::minify(row["categories"]);
    tail += ", \"description\": null, \"attributes\": ";
    tail += simdjson::minify(row["attributes"]);
    tail += ", \"part_type\": ";
    tail += simdjson::minify(row["part_type"]);
    tail += ", \"source_specs\": ";
    tail += simdjson::minify(row["source_specs"]);
    tail += "}\n";
    t.tail = std::move(tail);
    templates.push_back(std::move(t));
  }
  if (templates.empty()) return absl::DataLossError("the PC parts catalog has no rows");

  std::FILE* out = std::fopen(out_path.c_str(), "wb");
  if (out == nullptr) return absl::PermissionDeniedError(absl::StrCat("cannot write ", out_path));
  static constexpr const char* kSeries[] = {"X", "Pro", "Max", "Elite", "S", "V", "Ultra", "Plus"};
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> factor(0.8, 1.25);
  std::string line;
  for (size_t k = 0; k < n; ++k) {
    const Template& t = templates[rng() % templates.size()];
    line.clear();
    absl::StrAppend(&line, "{\"id\": \"syn-", k, "\", \"name\": ");
    std::string name = t.name;
    if (rng() % 2 == 0) {
      absl::StrAppend(&name, " ", kSeries[rng() % 8], " ", 1 + rng() % 9);
    }
    AppendJsonString(name, &line);
    line += ", \"brand\": ";
    AppendJsonString(t.brand, &line);
    if (t.price_cents >= 0) {
      const int64_t cents = static_cast<int64_t>(static_cast<double>(t.price_cents) * factor(rng));
      absl::StrAppend(&line, ", \"price\": \"", cents / 100, ".", cents % 100 < 10 ? "0" : "",
                      cents % 100, "\", \"price_cents\": ", cents);
    } else {
      line += ", \"price\": null, \"price_cents\": null";
    }
    line += t.tail;
    if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) {
      std::fclose(out);
      return absl::DataLossError(absl::StrCat("short write to ", out_path));
    }
  }
  if (std::fclose(out) != 0) return absl::DataLossError(absl::StrCat("cannot close ", out_path));
  return absl::OkStatus();
}

}  // namespace chatcart::bench
