// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/template.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "unicode/locid.h"
#include "unicode/numberformatter.h"
#include "unicode/plurrule.h"
#include "unicode/unistr.h"

namespace chatcart::dialogue {

enum class NodeKind { kText, kArg, kNumber, kPlural, kSelect, kHash };

struct Template::Node {
  NodeKind kind = NodeKind::kText;
  std::string text;  // literal for kText, argument name otherwise
  // For plural and select: (selector, body) pairs; "=3" selects exactly 3.
  std::vector<std::pair<std::string, std::vector<Node>>> cases;
};

namespace {

using Node = Template::Node;

class Parser {
 public:
  explicit Parser(std::string_view pattern) : p_(pattern) {}

  absl::Status Parse(std::vector<Node>* out) {
    CHATCART_RETURN_IF_ERROR(ParseMessage(out, /*in_plural=*/false, /*nested=*/false));
    return absl::OkStatus();
  }

 private:
  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(absl::StrCat("offset ", i_, ": ", ToAbsl(what)));
  }

  static bool IsQuotable(char c, bool in_plural) {
    return c == '{' || c == '}' || c == '|' || (in_plural && c == '#');
  }

  // A message up to an unmatched '}' (nested) or the end.
  absl::Status ParseMessage(std::vector<Node>* out, bool in_plural, bool nested) {
    std::string text;
    auto flush = [&] {
      if (!text.empty()) {
        out->push_back(Node{NodeKind::kText, std::move(text), {}});
        text.clear();
      }
    };
    while (i_ < p_.size()) {
      char c = p_[i_];
      if (c == '\'') {
        if (i_ + 1 < p_.size() && p_[i_ + 1] == '\'') {
          text.push_back('\'');
          i_ += 2;
        } else if (i_ + 1 < p_.size() && IsQuotable(p_[i_ + 1], in_plural)) {
          ++i_;
          while (true) {
            if (i_ >= p_.size()) return Error("unterminated quote");
            if (p_[i_] == '\'') {
              if (i_ + 1 < p_.size() && p_[i_ + 1] == '\'') {
                text.push_back('\'');
                i_ += 2;
                continue;
              }
              ++i_;
              break;
            }
            text.push_back(p_[i_++]);
          }
        } else {
          text.push_back('\'');
          ++i_;
        }
      } else if (c == '{') {
        flush();
        Node node;
        CHATCART_RETURN_IF_ERROR(ParseArgument(&node));
        out->push_back(std::move(node));
      } else if (c == '}') {
        if (!nested) return Error("unmatched '}'");
        flush();
        return absl::OkStatus();
      } else if (c == '#' && in_plural) {
        flush();
        out->push_back(Node{NodeKind::kHash, "", {}});
        ++i_;
      } else {
        text.push_back(c);
        ++i_;
      }
    }
    if (nested) return Error("missing '}'");
    flush();
    return absl::OkStatus();
  }

  void SkipSpace() {
    while (i_ < p_.size() && absl::ascii_isspace(static_cast<unsigned char>(p_[i_]))) ++i_;
  }

  std::string Word() {
    SkipSpace();
    size_t start = i_;
    while (i_ < p_.size() && (absl::ascii_isalnum(static_cast<unsigned char>(p_[i_])) ||
                              p_[i_] == '_' || p_[i_] == '=' || p_[i_] == '-' || p_[i_] == '.')) {
      ++i_;
    }
    return std::string(p_.substr(start, i_ - start));
  }

  absl::Status Expect(char c) {
    SkipSpace();
    if (i_ >= p_.size() || p_[i_] != c)
      return Error(absl::StrCat("expected '", std::string(1, c), "'"));
    ++i_;
    return absl::OkStatus();
  }

  // At '{': {name}, {name, number}, {name, plural, ...}, {name, select, ...}.
  absl::Status ParseArgument(Node* node) {
    ++i_;  // '{'
    std::string name = Word();
    if (name.empty()) return Error("expected an argument name after '{'");
    node->text = name;
    SkipSpace();
    if (i_ < p_.size() && p_[i_] == '}') {
      ++i_;
      node->kind = NodeKind::kArg;
      return absl::OkStatus();
    }
    CHATCART_RETURN_IF_ERROR(Expect(','));
    std::string type = Word();
    if (type == "number") {
      node->kind = NodeKind::kNumber;
      return Expect('}');
    }
    if (type != "plural" && type != "select") {
      return Error(
          absl::StrCat("unsupported argument type \"", type, "\" (number, plural and select are)"));
    }
    node->kind = type == "plural" ? NodeKind::kPlural : NodeKind::kSelect;
    CHATCART_RETURN_IF_ERROR(Expect(','));
    bool has_other = false;
    while (true) {
      SkipSpace();
      if (i_ < p_.size() && p_[i_] == '}') {
        ++i_;
        break;
      }
      std::string selector = Word();
      if (selector.empty()) return Error("expected a case selector such as 'one' or 'other'");
      if (selector == "other") has_other = true;
      CHATCART_RETURN_IF_ERROR(Expect('{'));
      std::vector<Node> body;
      CHATCART_RETURN_IF_ERROR(ParseMessage(&body, node->kind == NodeKind::kPlural, true));
      ++i_;  // the case's '}'
      node->cases.emplace_back(std::move(selector), std::move(body));
    }
    if (!has_other) return Error(absl::StrCat(type, " \"", name, "\" needs an 'other' case"));
    return absl::OkStatus();
  }

  std::string_view p_;
  size_t i_ = 0;
};

const TemplateArg* FindArg(const TemplateArgs& args, const std::string& name) {
  for (const TemplateArg& arg : args) {
    if (arg.name == name) return &arg;
  }
  return nullptr;
}

void RenderNodes(const std::vector<Node>& nodes, const LocaleFormat& locale,
                 const TemplateArgs& args, const int64_t* plural_value, std::string* out) {
  for (const Node& node : nodes) {
    switch (node.kind) {
      case NodeKind::kText:
        out->append(node.text);
        break;
      case NodeKind::kHash:
        if (plural_value != nullptr) out->append(locale.FormatNumber(*plural_value));
        break;
      case NodeKind::kArg:
      case NodeKind::kNumber: {
        const TemplateArg* arg = FindArg(args, node.text);
        if (arg == nullptr) {
          absl::StrAppend(out, "{", node.text, "}");
        } else if (const int64_t* n = std::get_if<int64_t>(&arg->value)) {
          out->append(locale.FormatNumber(*n));
        } else {
          out->append(std::get<std::string>(arg->value));
        }
        break;
      }
      case NodeKind::kPlural:
      case NodeKind::kSelect: {
        const TemplateArg* arg = FindArg(args, node.text);
        int64_t number = 0;
        std::string key;
        if (arg != nullptr) {
          if (const int64_t* n = std::get_if<int64_t>(&arg->value)) {
            number = *n;
            key = node.kind == NodeKind::kPlural ? locale.PluralCategory(*n) : std::to_string(*n);
          } else {
            key = std::get<std::string>(arg->value);
            if (node.kind == NodeKind::kPlural) {
              int64_t parsed = 0;
              if (absl::SimpleAtoi(key, &parsed)) {
                number = parsed;
                key = locale.PluralCategory(parsed);
              }
            }
          }
        }
        const std::vector<Node>* chosen = nullptr;
        const std::vector<Node>* other = nullptr;
        std::string exact = absl::StrCat("=", number);
        for (const auto& [selector, body] : node.cases) {
          if (selector == "other") other = &body;
          if (node.kind == NodeKind::kPlural && arg != nullptr && selector == exact) {
            chosen = &body;
            break;
          }
        }
        if (chosen == nullptr && arg != nullptr) {
          for (const auto& [selector, body] : node.cases) {
            if (selector == key) {
              chosen = &body;
              break;
            }
          }
        }
        if (chosen == nullptr) chosen = other;
        RenderNodes(*chosen, locale, args, node.kind == NodeKind::kPlural ? &number : plural_value,
                    out);
        break;
      }
    }
  }
}

void CollectNames(const std::vector<Node>& nodes, std::vector<std::string>* names) {
  for (const Node& node : nodes) {
    if (node.kind != NodeKind::kText && node.kind != NodeKind::kHash &&
        std::find(names->begin(), names->end(), node.text) == names->end()) {
      names->push_back(node.text);
    }
    for (const auto& [selector, body] : node.cases) CollectNames(body, names);
  }
}

}  // namespace

absl::StatusOr<std::shared_ptr<const LocaleFormat>> LocaleFormat::Create(std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale icu_locale = icu::Locale::forLanguageTag(
      icu::StringPiece(locale.data(), static_cast<int32_t>(locale.size())), status);
  if (U_FAILURE(status) || locale.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("ill-formed locale \"", ToAbsl(locale), "\": expected a BCP 47 tag"));
  }
  std::shared_ptr<LocaleFormat> format(new LocaleFormat());
  format->locale_ = std::string(locale);
  format->plural_.reset(icu::PluralRules::forLocale(icu_locale, status));
  if (U_FAILURE(status) || format->plural_ == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("no plural rules for locale \"", ToAbsl(locale), "\""));
  }
  format->number_ = std::make_unique<icu::number::LocalizedNumberFormatter>(
      icu::number::NumberFormatter::withLocale(icu_locale));
  return std::shared_ptr<const LocaleFormat>(std::move(format));
}

LocaleFormat::~LocaleFormat() = default;

std::string LocaleFormat::PluralCategory(int64_t n) const {
  icu::UnicodeString keyword = plural_->select(static_cast<double>(n));
  std::string out;
  keyword.toUTF8String(out);
  return out;
}

std::string LocaleFormat::FormatNumber(int64_t n) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text = number_->formatInt(n, status).toString(status);
  if (U_FAILURE(status)) return std::to_string(n);
  std::string out;
  text.toUTF8String(out);
  return out;
}

absl::StatusOr<Template> Template::Compile(std::string_view pattern) {
  auto nodes = std::make_shared<std::vector<Node>>();
  Parser parser(pattern);
  absl::Status status = parser.Parse(nodes.get());
  if (!status.ok()) return status;
  Template t;
  t.nodes_ = std::move(nodes);
  return t;
}

void Template::Render(const LocaleFormat& locale, const TemplateArgs& args,
                      std::string* out) const {
  if (nodes_ != nullptr) RenderNodes(*nodes_, locale, args, nullptr, out);
}

std::string Template::Render(const LocaleFormat& locale, const TemplateArgs& args) const {
  std::string out;
  Render(locale, args, &out);
  return out;
}

std::vector<std::string> Template::ArgumentNames() const {
  std::vector<std::string> names;
  if (nodes_ != nullptr) CollectNames(*nodes_, &names);
  return names;
}

}  // namespace chatcart::dialogue
