// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "catalog/row_parser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "chatcart/money.h"
#include "common/strings.h"
#include "text/fold.h"

namespace chatcart::catalog {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string_view TypeName(element e) {
  switch (e.type()) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

// Shortest text of a JSON number that reads back as the same value ("451.5",
// "5999", "3.5").
void NumberText(element e, std::string* out) {
  char buf[64];
  std::to_chars_result r;
  if (e.is_int64()) {
    r = std::to_chars(buf, buf + sizeof buf, int64_t(e.get_int64()));
  } else if (e.is_uint64()) {
    r = std::to_chars(buf, buf + sizeof buf, uint64_t(e.get_uint64()));
  } else {
    r = std::to_chars(buf, buf + sizeof buf, double(e.get_double()));
  }
  out->append(buf, r.ptr);
}

bool ParseDouble(std::string_view s, double* out) {
  s = ToStd(absl::StripAsciiWhitespace(ToAbsl(s)));
  if (s.empty()) return false;
  if (s.front() == '+') s.remove_prefix(1);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

bool Fail(RowError* error, std::string reason, std::string message) {
  error->reason = std::move(reason);
  error->message = std::move(message);
  return false;
}

// A required or optional string field. Returns false on a wrong type.
enum class Got { kValue, kAbsent, kWrongType, kBadPath };
Got GetText(const JsonPath& path, element root, bool allow_number, std::string* out,
            element* found) {
  if (path.empty()) return Got::kAbsent;
  element e;
  switch (path.Resolve(root, &e)) {
    case JsonPath::Result::kAbsent:
      return Got::kAbsent;
    case JsonPath::Result::kWrongType:
      return Got::kBadPath;
    case JsonPath::Result::kFound:
      break;
  }
  *found = e;
  if (e.is_string()) {
    out->assign(std::string_view(e.get_string()));
    return Got::kValue;
  }
  if (allow_number && e.is_number()) {
    out->clear();
    NumberText(e, out);
    return Got::kValue;
  }
  return Got::kWrongType;
}

bool WrongType(RowError* error, std::string_view field, const JsonPath& path, element e,
               std::string_view wanted, bool resolved) {
  return Fail(error, absl::StrCat("wrong type for field \"", ToAbsl(field), "\""),
              resolved ? absl::StrCat("field \"", ToAbsl(field), "\" (", path.text(),
                                      "): expected ", ToAbsl(wanted), ", got ", ToAbsl(TypeName(e)))
                       : absl::StrCat("field \"", ToAbsl(field), "\" (", path.text(),
                                      "): the path does not fit the row's structure"));
}

}  // namespace

RowParser::RowParser(const CompiledMapping* mapping) : mapping_(mapping) {
  constexpr size_t kMinDispatch = 4;
  const std::vector<AttributeSource>& sources = mapping->sources;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_parent;
  for (uint32_t s = 0; s < sources.size(); ++s) {
    const JsonPath& p = sources[s].path;
    if (p.size() >= 2 && p.is_key(0) && p.is_key(1)) by_parent[p.key(0)].push_back(s);
  }
  std::vector<bool> dispatched(sources.size(), false);
  for (auto& [parent, members] : by_parent) {
    if (members.size() < kMinDispatch) continue;
    Dispatch d;
    d.parent = sources[members[0]].path.Head(1);
    for (uint32_t s : members) {
      const JsonPath& p = sources[s].path;
      d.by_key[p.key(1)].push_back({s, p.Tail(2)});
      dispatched[s] = true;
    }
    d.sources = std::move(members);
    dispatch_.push_back(std::move(d));
  }
  for (uint32_t s = 0; s < sources.size(); ++s) {
    if (!dispatched[s]) direct_.push_back(s);
  }
  resolved_.resize(sources.size());
  found_.resize(sources.size());
  when_of_.assign(sources.size(), -1);
  for (uint32_t s = 0; s < sources.size(); ++s) {
    if (sources[s].when_path.empty()) continue;
    for (size_t w = 0; w < when_paths_.size(); ++w) {
      if (when_paths_[w].text() == sources[s].when_path.text()) when_of_[s] = static_cast<int>(w);
    }
    if (when_of_[s] < 0) {
      when_of_[s] = static_cast<int>(when_paths_.size());
      when_paths_.push_back(sources[s].when_path);
    }
  }
  when_state_.resize(when_paths_.size());
  when_value_.resize(when_paths_.size());
}

void RowParser::ResolveSources(element root) {
  present_.clear();
  for (uint32_t s : direct_) {
    resolved_[s] = mapping_->sources[s].path.Resolve(root, &found_[s]);
    if (resolved_[s] != JsonPath::Result::kAbsent) present_.push_back(s);
  }
  for (const Dispatch& d : dispatch_) {
    for (uint32_t s : d.sources) resolved_[s] = JsonPath::Result::kAbsent;
    element parent;
    JsonPath::Result r = d.parent.Resolve(root, &parent);
    if (r == JsonPath::Result::kAbsent) continue;
    simdjson::dom::object obj;
    if (r == JsonPath::Result::kWrongType || parent.get_object().get(obj) != simdjson::SUCCESS) {
      for (uint32_t s : d.sources) resolved_[s] = JsonPath::Result::kWrongType;
      present_.insert(present_.end(), d.sources.begin(), d.sources.end());
      continue;
    }
    for (auto [key, value] : obj) {
      auto it = d.by_key.find(ToAbsl(key));
      if (it == d.by_key.end()) continue;
      for (const auto& [s, tail] : it->second) {
        if (tail.empty()) {
          resolved_[s] = value.is_null() ? JsonPath::Result::kAbsent : JsonPath::Result::kFound;
          found_[s] = value;
        } else {
          resolved_[s] = tail.Resolve(value, &found_[s]);
        }
        if (resolved_[s] != JsonPath::Result::kAbsent) present_.push_back(s);
      }
    }
  }
  // In source order, once each (a repeated key may have listed one twice).
  std::sort(present_.begin(), present_.end());
  present_.erase(std::unique(present_.begin(), present_.end()), present_.end());
  std::fill(when_state_.begin(), when_state_.end(), 0);
}

bool RowParser::When(element root, size_t s) {
  const int w = when_of_[s];
  if (w < 0) return true;
  if (when_state_[w] == 0) {
    element v;
    if (when_paths_[w].Resolve(root, &v) == JsonPath::Result::kFound && v.is_string()) {
      when_state_[w] = 1;
      when_value_[w] = v.get_string();
    } else {
      when_state_[w] = 2;
    }
  }
  if (when_state_[w] != 1) return false;
  for (const std::string& want : mapping_->sources[s].when_equals) {
    if (when_value_[w] == want) return true;
  }
  return false;
}

bool RowParser::Parse(std::string_view line, RowValues* row, RowError* error) {
  element root;
  simdjson::error_code ec = parser_.parse(line.data(), line.size(), false).get(root);
  if (ec != simdjson::SUCCESS) {
    if (ec == simdjson::UTF8_ERROR) {
      return Fail(error, "invalid UTF-8", "the row is not valid UTF-8");
    }
    return Fail(error, "malformed JSON",
                absl::StrCat("malformed JSON: ", simdjson::error_message(ec)));
  }
  if (!root.is_object()) {
    return Fail(error, "not a JSON object",
                absl::StrCat("the row is ", ToAbsl(TypeName(root)), ", not a JSON object"));
  }
  return ParseRow(root, row, error);
}

bool RowParser::ParseRow(element root, RowValues* row, RowError* error) {
  const CompiledMapping& m = *mapping_;
  element e;
  // id and name: required.
  Got got = GetText(m.id, root, /*allow_number=*/true, &row->id, &e);
  switch (got) {
    case Got::kAbsent:
      return Fail(error, "missing field \"id\"",
                  absl::StrCat("field \"id\" (", m.id.text(), ") is missing or null"));
    case Got::kWrongType:
    case Got::kBadPath:
      return WrongType(error, "id", m.id, e, "a string or an integer", got == Got::kWrongType);
    case Got::kValue:
      break;
  }
  if (row->id.empty()) {
    return Fail(error, "missing field \"id\"",
                absl::StrCat("field \"id\" (", m.id.text(), ") is empty"));
  }
  got = GetText(m.name, root, false, &row->name, &e);
  switch (got) {
    case Got::kAbsent:
      return Fail(error, "missing field \"name\"",
                  absl::StrCat("field \"name\" (", m.name.text(), ") is missing or null"));
    case Got::kWrongType:
    case Got::kBadPath:
      return WrongType(error, "name", m.name, e, "a string", got == Got::kWrongType);
    case Got::kValue:
      break;
  }
  if (absl::StripAsciiWhitespace(row->name).empty()) {
    return Fail(error, "missing field \"name\"",
                absl::StrCat("field \"name\" (", m.name.text(), ") is empty"));
  }

  // Optional strings.
  struct OptionalText {
    const char* field;
    const JsonPath* path;
    std::string* out;
    bool allow_number;
  } texts[] = {{"brand", &m.brand, &row->brand, false},
               {"model", &m.model, &row->model, true},
               {"description", &m.description, &row->description, false},
               {"url", &m.url, &row->url, false}};
  for (const OptionalText& t : texts) {
    got = GetText(*t.path, root, t.allow_number, t.out, &e);
    if (got == Got::kWrongType || got == Got::kBadPath) {
      return WrongType(error, t.field, *t.path, e, "a string", got == Got::kWrongType);
    }
  }
  // The image: a string, or a list of strings whose first is used.
  if (!m.image.empty()) {
    element img;
    JsonPath::Result r = m.image.Resolve(root, &img);
    if (r == JsonPath::Result::kWrongType)
      return WrongType(error, "image", m.image, img, "a string", false);
    if (r == JsonPath::Result::kFound) {
      if (img.is_array()) {
        simdjson::dom::array arr = img.get_array();
        if (arr.size() > 0) img = arr.at(0);
      }
      if (img.is_string()) {
        row->image.assign(std::string_view(img.get_string()));
      } else if (!img.is_array() && !img.is_null()) {
        return WrongType(error, "image", m.image, img, "a string or a list of strings", true);
      }
    }
  }

  for (size_t k = 0; k < m.keys.size(); ++k) {
    got = GetText(m.keys[k].path, root, true, &row->keys[k], &e);
    if (got == Got::kWrongType || got == Got::kBadPath) {
      return WrongType(error, m.keys[k].name, m.keys[k].path, e, "a string or an integer",
                       got == Got::kWrongType);
    }
  }
  for (const JsonPath& alias : m.aliases) {
    element a;
    JsonPath::Result r = alias.Resolve(root, &a);
    if (r == JsonPath::Result::kAbsent) continue;
    if (r == JsonPath::Result::kWrongType)
      return WrongType(error, "aliases", alias, a, "a string", false);
    if (a.is_string()) {
      row->aliases.emplace_back(std::string_view(a.get_string()));
    } else if (a.is_array()) {
      for (element x : a.get_array()) {
        if (!x.is_string()) return WrongType(error, "aliases", alias, x, "a string", true);
        row->aliases.emplace_back(std::string_view(x.get_string()));
      }
    } else {
      return WrongType(error, "aliases", alias, a, "a string or a list of strings", true);
    }
  }

  // Currency, then prices.
  if (!m.currency.empty()) {
    got = GetText(m.currency, root, false, &row->currency, &e);
    if (got == Got::kWrongType || got == Got::kBadPath) {
      return WrongType(error, "currency", m.currency, e, "a string", got == Got::kWrongType);
    }
  }
  if (row->currency.empty()) row->currency = m.default_currency;
  auto parse_price = [&](const PriceSpec& spec, std::string_view field,
                         std::optional<int64_t>* out) -> bool {
    if (spec.path.empty()) return true;
    element p;
    JsonPath::Result r = spec.path.Resolve(root, &p);
    if (r == JsonPath::Result::kAbsent) return true;
    if (r == JsonPath::Result::kWrongType)
      return WrongType(error, field, spec.path, p, "a price", false);
    if (row->currency.empty()) {
      return Fail(
          error, "missing currency",
          absl::StrCat("field \"", ToAbsl(field), "\": the row has a price but no currency"));
    }
    absl::StatusOr<Money> money;
    if (spec.minor_units) {
      int64_t minor = 0;
      if (p.get_int64().get(minor) != simdjson::SUCCESS) {
        return WrongType(error, field, spec.path, p, "an integer number of minor units", true);
      }
      money = Money::FromMinorUnits(minor, row->currency);
    } else {
      std::string text;
      if (p.is_string()) {
        text.assign(std::string_view(p.get_string()));
      } else if (p.is_number()) {
        NumberText(p, &text);
      } else {
        return WrongType(error, field, spec.path, p, "a decimal string or number", true);
      }
      money = Money::Parse(text, row->currency);
    }
    if (!money.ok()) {
      return Fail(error,
                  money.status().code() == absl::StatusCode::kInvalidArgument &&
                          absl::StrContains(money.status().message(), "currency")
                      ? "bad currency"
                      : "unparsable price",
                  absl::StrCat("field \"", ToAbsl(field), "\" (", spec.path.text(),
                               "): ", money.status().message()));
    }
    if (money->is_negative()) {
      return Fail(error, "unparsable price",
                  absl::StrCat("field \"", ToAbsl(field), "\" (", spec.path.text(),
                               "): negative price ", money->ToString()));
    }
    *out = money->minor_units();
    return true;
  };
  if (!parse_price(m.price, "price", &row->price)) return false;
  if (!parse_price(m.list_price, "list_price", &row->list_price)) return false;
  if (!row->price && !row->list_price) row->currency.clear();

  // Category path.
  if (!m.category.empty()) {
    element c;
    JsonPath::Result r = m.category.Resolve(root, &c);
    if (r == JsonPath::Result::kWrongType)
      return WrongType(error, "category", m.category, c, "", false);
    if (r == JsonPath::Result::kFound) {
      if (c.is_array()) {
        for (element x : c.get_array()) {
          if (!x.is_string()) {
            return WrongType(error, "category", m.category, x, "a list of strings", true);
          }
          std::string_view level = x.get_string();
          if (!absl::StripAsciiWhitespace(ToAbsl(level)).empty()) row->category.emplace_back(level);
        }
      } else if (c.is_string()) {
        std::string_view s = c.get_string();
        if (m.category_separator.empty()) {
          if (!s.empty()) row->category.emplace_back(s);
        } else {
          size_t start = 0;
          while (start <= s.size()) {
            size_t end = s.find(m.category_separator, start);
            if (end == std::string_view::npos) end = s.size();
            std::string_view level =
                ToStd(absl::StripAsciiWhitespace(ToAbsl(s.substr(start, end - start))));
            if (!level.empty()) row->category.emplace_back(level);
            start = end + m.category_separator.size();
          }
        }
      } else {
        return WrongType(error, "category", m.category, c, "a list of strings or a string", true);
      }
    }
  }

  // Stock and rating.
  if (!m.stock.empty()) {
    element s;
    JsonPath::Result r = m.stock.Resolve(root, &s);
    if (r == JsonPath::Result::kWrongType) return WrongType(error, "stock", m.stock, s, "", false);
    if (r == JsonPath::Result::kFound) {
      int64_t units = 0;
      if (s.get_int64().get(units) != simdjson::SUCCESS || units < 0) {
        return Fail(error, "wrong type for field \"stock\"",
                    absl::StrCat("field \"stock\" (", m.stock.text(),
                                 "): expected a non-negative integer"));
      }
      row->stock = units;
    }
  }
  if (!m.rating.empty()) {
    element s;
    JsonPath::Result r = m.rating.Resolve(root, &s);
    if (r == JsonPath::Result::kWrongType)
      return WrongType(error, "rating", m.rating, s, "", false);
    if (r == JsonPath::Result::kFound) {
      double v = 0;
      if (s.is_number()) {
        v = double(s.get_double());
      } else if (!s.is_string() || !ParseDouble(s.get_string(), &v)) {
        return WrongType(error, "rating", m.rating, s, "a number", true);
      }
      row->rating = v;
    }
  }

  // Variant group key.
  if (!m.group_by.empty()) {
    std::string part;
    for (const JsonPath& g : m.group_by) {
      part.clear();
      if (GetText(g, root, true, &part, &e) != Got::kValue) {
        row->group_key.clear();
        break;
      }
      text::FoldTo(part, {}, &row->group_key);
      row->group_key.push_back('\x1f');
    }
  }
  return ParseAttributes(root, row, error);
}

bool RowParser::ParseAttributes(element root, RowValues* row, RowError* error) {
  const CompiledMapping& m = *mapping_;
  std::string text;
  ResolveSources(root);
  // Only the sources the row holds, in source order (the first value of a
  // column wins, see CatalogBuilder::Add).
  for (const uint32_t si : present_) {
    const AttributeSource& src = m.sources[si];
    const ColumnSpec& col = m.columns[src.column];
    const JsonPath::Result r = resolved_[si];
    if (r == JsonPath::Result::kAbsent) continue;
    if (!When(root, si)) continue;
    element v = found_[si];
    auto wrong = [&](std::string_view wanted) {
      if (src.drop_wrong_type) {
        row->dropped.push_back(absl::StrCat(col.name, ": wrong type"));
        return true;
      }
      return WrongType(error, col.name, src.path, v, wanted, r == JsonPath::Result::kFound);
    };
    if (r == JsonPath::Result::kWrongType) {
      if (!wrong("")) return false;
      continue;
    }
    switch (col.type) {
      case AttributeType::kNumber: {
        double x = 0;
        bool ok = true;
        if (v.is_number()) {
          x = double(v.get_double());
        } else if (v.is_string()) {
          ok = ParseDouble(v.get_string(), &x);
        } else if (v.is_array() && src.reduce != v1::Attribute::NONE) {
          simdjson::dom::array arr = v.get_array();
          size_t n = 0;
          for (element y : arr) {
            double d = 0;
            if (y.get_double().get(d) != simdjson::SUCCESS) {
              ok = false;
              break;
            }
            switch (src.reduce) {
              case v1::Attribute::MIN:
                x = n == 0 ? d : std::min(x, d);
                break;
              case v1::Attribute::MAX:
                x = n == 0 ? d : std::max(x, d);
                break;
              case v1::Attribute::FIRST:
                if (n == 0) x = d;
                break;
              case v1::Attribute::LAST:
                x = d;
                break;
              default:
                break;
            }
            ++n;
          }
          if (n == 0) continue;  // an empty range: no value
        } else {
          ok = false;
        }
        if (!ok || !std::isfinite(x)) {
          if (!wrong(src.reduce != v1::Attribute::NONE ? "a number or an array of numbers"
                                                       : "a number"))
            return false;
          continue;
        }
        row->numbers.push_back({src.column, x * src.scale});
        break;
      }
      case AttributeType::kString:
      case AttributeType::kEnum: {
        text.clear();
        if (v.is_string()) {
          text.assign(std::string_view(v.get_string()));
        } else if (v.is_number()) {
          NumberText(v, &text);
        } else if (v.is_bool()) {
          text = bool(v.get_bool()) ? "Yes" : "No";
        } else {
          if (!wrong("a string")) return false;
          continue;
        }
        if (absl::StripAsciiWhitespace(text).empty()) continue;
        row->texts.push_back({src.column, text});
        break;
      }
      case AttributeType::kBool: {
        bool b = false;
        if (v.is_bool()) {
          b = v.get_bool();
        } else if (v.is_string()) {
          std::string lower = absl::AsciiStrToLower(ToAbsl(std::string_view(v.get_string())));
          if (lower == "yes" || lower == "true") {
            b = true;
          } else if (lower == "no" || lower == "false") {
            b = false;
          } else {
            if (!wrong("a boolean")) return false;
            continue;
          }
        } else {
          if (!wrong("a boolean")) return false;
          continue;
        }
        row->texts.push_back({src.column, b ? "Yes" : "No"});
        break;
      }
      case AttributeType::kList: {
        RowValues::List list{src.column, {}};
        bool ok = true;
        auto add = [&](element y) {
          std::string t;
          if (y.is_string()) {
            t.assign(std::string_view(y.get_string()));
          } else if (y.is_number()) {
            NumberText(y, &t);
          } else {
            ok = false;
            return;
          }
          if (!absl::StripAsciiWhitespace(t).empty()) list.values.push_back(std::move(t));
        };
        if (v.is_array()) {
          for (element y : v.get_array()) add(y);
        } else {
          add(v);
        }
        if (!ok) {
          if (!wrong("a list of strings")) return false;
          continue;
        }
        if (!list.values.empty()) row->lists.push_back(std::move(list));
        break;
      }
    }
  }

  for (uint32_t mi = 0; mi < m.maps.size(); ++mi) {
    const MapSource& ms = m.maps[mi];
    element v;
    JsonPath::Result r = ms.path.Resolve(root, &v);
    if (r == JsonPath::Result::kAbsent) continue;
    if (r == JsonPath::Result::kWrongType || !v.is_object()) {
      return WrongType(error, "attribute_maps", ms.path, v, "an object",
                       r == JsonPath::Result::kFound);
    }
    for (auto [key, value] : v.get_object()) {
      if (std::find(ms.exclude_keys.begin(), ms.exclude_keys.end(), key) != ms.exclude_keys.end()) {
        continue;
      }
      text.clear();
      if (value.is_string()) {
        text.assign(std::string_view(value.get_string()));
      } else if (value.is_number()) {
        NumberText(value, &text);
      } else if (value.is_bool()) {
        text = bool(value.get_bool()) ? "Yes" : "No";
      } else if (value.is_null()) {
        continue;
      } else {
        row->dropped.push_back(absl::StrCat(ms.path.text(), ": value not a string"));
        continue;
      }
      if (absl::StripAsciiWhitespace(text).empty()) continue;
      row->map_entries.push_back({mi, std::string(key), text});
    }
  }
  return true;
}

}  // namespace chatcart::catalog
