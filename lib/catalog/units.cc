// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "catalog/units.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "common/strings.h"

namespace chatcart::catalog {
namespace {

struct Unit {
  const char* name;  // folded
  const char* display;
  const char* dimension;
  double factor;  // to the dimension's base unit
};

constexpr Unit kUnits[] = {
    {"b", "B", "data", 1},
    {"kb", "KB", "data", 1e3},
    {"mb", "MB", "data", 1e6},
    {"gb", "GB", "data", 1e9},
    {"tb", "TB", "data", 1e12},
    {"pb", "PB", "data", 1e15},
    {"hz", "Hz", "freq", 1},
    {"khz", "kHz", "freq", 1e3},
    {"mhz", "MHz", "freq", 1e6},
    {"ghz", "GHz", "freq", 1e9},
    {"w", "W", "power", 1},
    {"kw", "kW", "power", 1e3},
    {"mm", "mm", "length", 1e-3},
    {"cm", "cm", "length", 1e-2},
    {"m", "m", "length", 1},
    {"in", "in", "length", 0.0254},
    {"inch", "in", "length", 0.0254},
    {"inches", "in", "length", 0.0254},
    {"\"", "in", "length", 0.0254},
    {"mg", "mg", "mass", 1e-3},
    {"g", "g", "mass", 1},
    {"kg", "kg", "mass", 1e3},
    {"lb", "lb", "mass", 453.59237},
    {"oz", "oz", "mass", 28.349523125},
    {"ns", "ns", "time", 1e-9},
    {"us", "us", "time", 1e-6},
    {"ms", "ms", "time", 1e-3},
    {"s", "s", "time", 1},
    {"ml", "ml", "volume", 1e-3},
    {"l", "L", "volume", 1},
};

const Unit* Find(std::string_view name) {
  std::string folded = absl::AsciiStrToLower(ToAbsl(name));
  for (const Unit& u : kUnits) {
    if (folded == u.name) return &u;
  }
  return nullptr;
}

}  // namespace

std::optional<double> ConvertUnit(double value, std::string_view from, std::string_view to) {
  if (absl::EqualsIgnoreCase(ToAbsl(from), ToAbsl(to))) return value;
  const Unit* f = Find(from);
  const Unit* t = Find(to);
  if (f == nullptr || t == nullptr || std::string_view(f->dimension) != t->dimension) {
    return std::nullopt;
  }
  return value * f->factor / t->factor;
}

std::optional<LargerUnit> NextLargerUnit(std::string_view unit) {
  const Unit* u = Find(unit);
  if (u == nullptr) return std::nullopt;
  const Unit* best = nullptr;
  for (const Unit& v : kUnits) {
    if (std::string_view(v.dimension) == u->dimension && v.factor > u->factor &&
        (best == nullptr || v.factor < best->factor)) {
      best = &v;
    }
  }
  if (best == nullptr || best->factor / u->factor != 1000) return std::nullopt;
  return LargerUnit{best->display, 1000};
}

}  // namespace chatcart::catalog
