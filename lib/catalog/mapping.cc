// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The mapping: reading it (text format or JSON, with file:line errors) and
// compiling it (CompileMapping).

#include "catalog/mapping.h"

#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/json_parse.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "common/text_source.h"

namespace chatcart {
namespace catalog {
namespace {

absl::Status Err(const MappingLocator& locate, std::string_view field, int index,
                 std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(locate(field, index), ": ", ToAbsl(what)));
}

// A language code of Attribute.labels: "*", or 2-3 lower case letters.
bool IsLanguageKey(std::string_view key) {
  if (key == "*") return true;
  if (key.size() < 2 || key.size() > 3) return false;
  for (char c : key) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// Adds the labels of one declaration (`what` names them in messages) to
// `into`, which may hold those of an earlier declaration of the column.
absl::Status MergeLabels(const google::protobuf::Map<std::string, std::string>& labels,
                         const std::string& what, LocalizedLabels& into) {
  for (const auto& [language, text] : labels) {
    if (!IsLanguageKey(language)) {
      return absl::InvalidArgumentError(absl::StrCat(
          what, ": \"", language, "\" is not a language code (\"it\", \"fr\"; \"*\" for all)"));
    }
    if (text.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(what, ": the \"", language, "\" label is empty"));
    }
    auto [it, inserted] = into.try_emplace(language, text);
    if (!inserted && it->second != text) {
      return absl::InvalidArgumentError(absl::StrCat(
          what, ": \"", language, "\" is labelled both \"", it->second, "\" and \"", text, "\""));
    }
  }
  return absl::OkStatus();
}

// The labels and value labels of declaration `a` into its column.
absl::Status MergeAttributeLabels(const v1::Attribute& a, ColumnSpec& col) {
  CHATCART_RETURN_IF_ERROR(
      MergeLabels(a.labels(), absl::StrCat("attribute \"", a.name(), "\": labels"), col.labels));
  if (a.value_labels_size() > 0 && a.type() == v1::NUMBER) {
    return absl::InvalidArgumentError(absl::StrCat(
        "attribute \"", a.name(), "\": value_labels apply to ENUM, BOOL, STRING and LIST only"));
  }
  for (const v1::ValueLabel& v : a.value_labels()) {
    const std::string what =
        absl::StrCat("attribute \"", a.name(), "\": value_labels \"", v.value(), "\"");
    if (v.value().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("attribute \"", a.name(), "\": a value_labels entry has no value"));
    }
    if (v.labels().empty()) return absl::InvalidArgumentError(absl::StrCat(what, ": no labels"));
    CHATCART_RETURN_IF_ERROR(
        MergeLabels(v.labels(), what, col.value_labels[absl::AsciiStrToLower(v.value())]));
  }
  return absl::OkStatus();
}

bool IsColumnName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsReservedField(std::string_view name) {
  return name == "category" || name == "brand" || name == "price" || name == "list_price" ||
         name == "rating" || name == "id" || name == "name";
}

// Compiles an optional path; an empty string stays an empty JsonPath.
absl::Status OptionalPath(const std::string& text, const MappingLocator& locate,
                          std::string_view field, int index, JsonPath* out) {
  if (text.empty()) return absl::OkStatus();
  absl::StatusOr<JsonPath> path = JsonPath::Parse(text);
  if (!path.ok()) return Err(locate, field, index, ToStd(path.status().message()));
  *out = *std::move(path);
  return absl::OkStatus();
}

absl::Status RequiredPath(const std::string& text, const MappingLocator& locate,
                          std::string_view field, int index, JsonPath* out) {
  if (text.empty()) {
    return Err(locate, field, index, absl::StrCat("field \"", ToAbsl(field), "\" is required"));
  }
  return OptionalPath(text, locate, field, index, out);
}

}  // namespace

std::string ColumnNameFromKey(std::string_view key) {
  std::string out;
  bool pending_sep = false;
  for (unsigned char c : key) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_sep && !out.empty()) out.push_back('_');
      pending_sep = false;
      out.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      if (pending_sep && !out.empty()) out.push_back('_');
      pending_sep = false;
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\'') {
      // "Men's" -> "mens"
    } else {
      pending_sep = true;
    }
  }
  return out;
}

absl::StatusOr<CompiledMapping> CompileMapping(const v1::CatalogMapping& m,
                                               const MappingLocator& locate) {
  CompiledMapping c;
  c.catalog_name = m.catalog_name().empty() ? "catalog" : m.catalog_name();
  CHATCART_RETURN_IF_ERROR(RequiredPath(m.id(), locate, "id", -1, &c.id));
  CHATCART_RETURN_IF_ERROR(RequiredPath(m.name(), locate, "name", -1, &c.name));
  CHATCART_RETURN_IF_ERROR(OptionalPath(m.brand(), locate, "brand", -1, &c.brand));
  CHATCART_RETURN_IF_ERROR(OptionalPath(m.model(), locate, "model", -1, &c.model));
  CHATCART_RETURN_IF_ERROR(
      OptionalPath(m.description(), locate, "description", -1, &c.description));
  CHATCART_RETURN_IF_ERROR(OptionalPath(m.image(), locate, "image", -1, &c.image));
  CHATCART_RETURN_IF_ERROR(OptionalPath(m.url(), locate, "url", -1, &c.url));
  CHATCART_RETURN_IF_ERROR(OptionalPath(m.stock(), locate, "stock", -1, &c.stock));
  CHATCART_RETURN_IF_ERROR(OptionalPath(m.rating(), locate, "rating", -1, &c.rating));
  CHATCART_RETURN_IF_ERROR(OptionalPath(m.currency(), locate, "currency", -1, &c.currency));

  absl::flat_hash_set<std::string> key_names;
  for (int i = 0; i < m.keys_size(); ++i) {
    const v1::Key& k = m.keys(i);
    if (!IsColumnName(k.name())) {
      return Err(locate, "keys", i,
                 absl::StrCat("key name \"", k.name(), "\" must be lower case [a-z0-9_]"));
    }
    if (!key_names.insert(k.name()).second) {
      return Err(locate, "keys", i, absl::StrCat("key \"", k.name(), "\" declared twice"));
    }
    KeySpec spec;
    spec.name = k.name();
    CHATCART_RETURN_IF_ERROR(RequiredPath(k.path(), locate, "keys", i, &spec.path));
    c.keys.push_back(std::move(spec));
  }
  for (int i = 0; i < m.aliases_size(); ++i) {
    JsonPath p;
    CHATCART_RETURN_IF_ERROR(RequiredPath(m.aliases(i), locate, "aliases", i, &p));
    c.aliases.push_back(std::move(p));
  }

  auto compile_price = [&](const v1::Price& p, std::string_view field,
                           PriceSpec* out) -> absl::Status {
    CHATCART_RETURN_IF_ERROR(OptionalPath(p.path(), locate, field, -1, &out->path));
    out->minor_units = p.form() == v1::Price::MINOR_UNITS;
    if (p.form() != v1::Price::DECIMAL && p.form() != v1::Price::MINOR_UNITS) {
      return Err(locate, field, -1, absl::StrCat("unknown price form ", p.form()));
    }
    return absl::OkStatus();
  };
  if (m.has_price()) CHATCART_RETURN_IF_ERROR(compile_price(m.price(), "price", &c.price));
  if (m.has_list_price()) {
    CHATCART_RETURN_IF_ERROR(compile_price(m.list_price(), "list_price", &c.list_price));
  }
  c.default_currency = m.default_currency();
  if (!c.default_currency.empty()) {
    absl::StatusOr<int> exponent = CurrencyExponent(c.default_currency);
    if (!exponent.ok()) {
      return Err(locate, "default_currency", -1, ToStd(exponent.status().message()));
    }
  }
  if ((!c.price.path.empty() || !c.list_price.path.empty()) && c.currency.empty() &&
      c.default_currency.empty()) {
    return Err(locate, "price", -1, "a price needs \"currency\" or \"default_currency\"");
  }

  if (m.has_category()) {
    CHATCART_RETURN_IF_ERROR(
        RequiredPath(m.category().path(), locate, "category", -1, &c.category));
    c.category_separator = m.category().separator();
  }

  // Attributes: declarations sharing a name become one column.
  absl::flat_hash_map<std::string, uint32_t> column_of;
  for (int i = 0; i < m.attributes_size(); ++i) {
    const v1::Attribute& a = m.attributes(i);
    if (!IsColumnName(a.name())) {
      return Err(locate, "attributes", i,
                 absl::StrCat("attribute name \"", a.name(), "\" must be lower case [a-z0-9_]"));
    }
    if (IsReservedField(a.name())) {
      return Err(
          locate, "attributes", i,
          absl::StrCat("attribute name \"", a.name(), "\" is reserved for the built-in field"));
    }
    if (a.type() < v1::NUMBER || a.type() > v1::LIST) {
      return Err(locate, "attributes", i,
                 absl::StrCat("attribute \"", a.name(), "\": unknown type ", a.type()));
    }
    const AttributeType type = static_cast<AttributeType>(a.type());
    if (type != AttributeType::kNumber) {
      if (!a.unit().empty() || a.scale() != 0 || a.reduce() != v1::Attribute::NONE) {
        return Err(locate, "attributes", i,
                   absl::StrCat("attribute \"", a.name(),
                                "\": unit, scale and reduce apply to NUMBER attributes only"));
      }
    }
    AttributeSource src;
    CHATCART_RETURN_IF_ERROR(RequiredPath(a.path(), locate, "attributes", i, &src.path));
    src.scale = a.scale() == 0 ? 1.0 : a.scale();
    src.reduce = a.reduce();
    src.drop_wrong_type = a.drop_wrong_type();
    if (a.has_when()) {
      CHATCART_RETURN_IF_ERROR(
          RequiredPath(a.when().path(), locate, "attributes", i, &src.when_path));
      if (a.when().equals_size() == 0) {
        return Err(locate, "attributes", i,
                   absl::StrCat("attribute \"", a.name(), "\": \"when\" needs at least one value"));
      }
      src.when_equals.assign(a.when().equals().begin(), a.when().equals().end());
    }
    const std::string label = a.label().empty() ? a.name() : a.label();
    auto [it, inserted] = column_of.try_emplace(a.name(), static_cast<uint32_t>(c.columns.size()));
    if (inserted) {
      ColumnSpec col;
      col.name = a.name();
      col.label = label;
      col.unit = a.unit();
      col.type = type;
      col.compatibility = a.compatibility();
      col.searchable = a.searchable();
      c.columns.push_back(std::move(col));
    } else {
      ColumnSpec& col = c.columns[it->second];
      if (col.type != type || col.unit != a.unit()) {
        return Err(locate, "attributes", i,
                   absl::StrCat("attribute \"", a.name(),
                                "\" is declared again with another type or unit (",
                                ToAbsl(AttributeTypeName(col.type)), " \"", col.unit, "\" vs ",
                                ToAbsl(AttributeTypeName(type)), " \"", a.unit(), "\")"));
      }
      if (src.when_path.empty()) {
        return Err(
            locate, "attributes", i,
            absl::StrCat("attribute \"", a.name(),
                         "\" is declared more than once: each declaration needs a \"when\""));
      }
      col.compatibility = col.compatibility || a.compatibility();
      col.searchable = col.searchable || a.searchable();
    }
    if (absl::Status labels = MergeAttributeLabels(a, c.columns[it->second]); !labels.ok()) {
      return Err(locate, "attributes", i, ToStd(labels.message()));
    }
    src.column = it->second;
    c.sources.push_back(std::move(src));
  }
  for (const AttributeSource& s : c.sources) {
    int declarations = 0;
    bool unconditional = false;
    for (const AttributeSource& t : c.sources) {
      if (t.column == s.column) {
        ++declarations;
        unconditional = unconditional || t.when_path.empty();
      }
    }
    if (declarations > 1 && unconditional) {
      return Err(locate, "attributes", -1,
                 absl::StrCat("attribute \"", c.columns[s.column].name,
                              "\" is declared more than once: each declaration needs a \"when\""));
    }
  }

  for (int i = 0; i < m.attribute_maps_size(); ++i) {
    const v1::AttributeMap& am = m.attribute_maps(i);
    MapSource ms;
    CHATCART_RETURN_IF_ERROR(RequiredPath(am.path(), locate, "attribute_maps", i, &ms.path));
    if (am.type() != v1::ENUM && am.type() != v1::STRING) {
      return Err(locate, "attribute_maps", i, "an attribute map's type is ENUM or STRING");
    }
    if (!am.prefix().empty() && !IsColumnName(am.prefix())) {
      return Err(locate, "attribute_maps", i,
                 absl::StrCat("prefix \"", am.prefix(), "\" must be lower case [a-z0-9_]"));
    }
    ms.type = static_cast<AttributeType>(am.type());
    ms.prefix = am.prefix();
    ms.min_rows = am.min_rows() <= 0 ? 1 : am.min_rows();
    ms.exclude_keys.assign(am.exclude_keys().begin(), am.exclude_keys().end());
    c.maps.push_back(std::move(ms));
  }

  if (m.has_variants()) {
    for (int i = 0; i < m.variants().group_by_size(); ++i) {
      JsonPath p;
      CHATCART_RETURN_IF_ERROR(RequiredPath(m.variants().group_by(i), locate, "variants", -1, &p));
      c.group_by.push_back(std::move(p));
    }
    for (const std::string& axis : m.variants().axes()) {
      auto it = column_of.find(axis);
      if (it == column_of.end()) {
        return Err(locate, "variants", -1,
                   absl::StrCat("variant axis \"", axis, "\" is not a declared attribute"));
      }
      c.columns[it->second].variant_axis = true;
      c.axes.push_back(axis);
    }
  }

  for (int i = 0; i < m.quality_size(); ++i) {
    const v1::Quality& q = m.quality(i);
    QualityDecl decl;
    decl.category = q.category();
    decl.index = i;
    if (q.category().empty()) return Err(locate, "quality", i, "a category is required");
    auto add = [&](const std::string& name, bool more) -> absl::Status {
      auto it = column_of.find(name);
      if (it == column_of.end() || c.columns[it->second].type != AttributeType::kNumber) {
        return Err(locate, "quality", i,
                   absl::StrCat("\"", name, "\" is not a declared NUMBER attribute"));
      }
      decl.attributes.push_back({static_cast<AttributeId>(it->second), more});
      return absl::OkStatus();
    };
    for (const std::string& name : q.more()) CHATCART_RETURN_IF_ERROR(add(name, true));
    for (const std::string& name : q.less()) CHATCART_RETURN_IF_ERROR(add(name, false));
    if (decl.attributes.empty() || decl.attributes.size() > 8) {
      return Err(locate, "quality", i, "one to eight attributes in `more` and `less`");
    }
    c.quality.push_back(std::move(decl));
  }
  return c;
}

}  // namespace catalog

absl::StatusOr<v1::CatalogMapping> ParseCatalogMapping(std::string_view text,
                                                       std::string_view source_name, bool json) {
  v1::CatalogMapping mapping;
  const std::string source(source_name);
  catalog::MappingLocator locate;
  TextSource text_source;
  if (json) {
    // The parser's complaint echoed (#22): it quotes the input.
    if (absl::Status parsed = JsonToMessage(text, source, &mapping); !parsed.ok()) return parsed;
    locate = [&source](std::string_view field, int index) {
      return index < 0 ? absl::StrCat(source, ": ", ToAbsl(field))
                       : absl::StrCat(source, ": ", ToAbsl(field), "[", index, "]");
    };
  } else {
    absl::StatusOr<TextSource> parsed = TextSource::Parse(source, text, &mapping);
    if (!parsed.ok()) {
      // The first syntax error only: what follows it is usually its echo.
      const std::string_view message = ToStd(parsed.status().message());
      return absl::InvalidArgumentError(ToAbsl(message.substr(0, message.find('\n'))));
    }
    text_source = *std::move(parsed);
    locate = [&text_source](std::string_view field, int index) {
      const google::protobuf::FieldDescriptor* fd =
          v1::CatalogMapping::descriptor()->FindFieldByName(std::string(field));
      return text_source.Where(
          {{field, fd != nullptr && fd->is_repeated() ? std::max(index, 0) : -1}});
    };
  }
  CHATCART_RETURN_IF_ERROR(catalog::CompileMapping(mapping, locate).status());
  return mapping;
}

absl::StatusOr<v1::CatalogMapping> LoadCatalogMapping(std::string_view path) {
  std::ifstream in{std::string(path), std::ios::binary};
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read catalog mapping ", ToAbsl(path)));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const bool json = path.size() >= 5 && path.substr(path.size() - 5) == ".json";
  return ParseCatalogMapping(buffer.str(), path, json);
}

}  // namespace chatcart
