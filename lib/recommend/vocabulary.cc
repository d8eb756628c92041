// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The built-in preference vocabulary: names a bundle can use in `prefer` and
// in critiques, each mapped to the first of a few attribute names the catalog
// has, with a direction and how reasons say it in en/it/fr. Hosts add or
// replace names through RecommenderOptions::preferences.
//
//   name            direction  attributes tried, in order
//   cheap           less       price
//   rating          more       rating (shrunk by review count)
//   cheap_to_run    less       cost_per_print, running_cost, energy_use, power_consumption, tdp
//   more_storage    more       storage, capacity
//   more_memory     more       ram, memory
//   quiet           less       noise_level, noise
//   bigger_screen   more       screen_size
//   smaller_screen  less       screen_size
//   long_battery    more       battery_life
//   light           less       weight
//   fast            more       boost_clock, core_clock, memory_speed, speed
//   more_cores      more       core_count

#include <vector>

#include "chatcart/recommend.h"

namespace chatcart {

std::span<const NamedPreference> BuiltinPreferences() {
  using K = PreferenceKind;
  static const std::vector<NamedPreference>* const kBuiltins = new std::vector<NamedPreference>{
      {"cheap",
       K::kMinimize,
       {"price"},
       {{"en", "low price"}, {"it", "prezzo basso"}, {"fr", "prix bas"}}},
      {"rating",
       K::kMaximize,
       {"rating"},
       {{"en", "rating"}, {"it", "valutazione"}, {"fr", "note"}}},
      {"cheap_to_run",
       K::kMinimize,
       {"cost_per_print", "running_cost", "energy_use", "power_consumption", "tdp"},
       {{"en", "cheap to run"}, {"it", "economico da usare"}, {"fr", "économique à l'usage"}}},
      {"more_storage",
       K::kMaximize,
       {"storage", "capacity"},
       {{"en", "more storage"}, {"it", "più spazio"}, {"fr", "plus de stockage"}}},
      {"more_memory",
       K::kMaximize,
       {"ram", "memory"},
       {{"en", "more memory"}, {"it", "più memoria"}, {"fr", "plus de mémoire"}}},
      {"quiet",
       K::kMinimize,
       {"noise_level", "noise"},
       {{"en", "quiet"}, {"it", "silenzioso"}, {"fr", "silencieux"}}},
      {"bigger_screen",
       K::kMaximize,
       {"screen_size"},
       {{"en", "bigger screen"}, {"it", "schermo più grande"}, {"fr", "écran plus grand"}}},
      {"smaller_screen",
       K::kMinimize,
       {"screen_size"},
       {{"en", "smaller screen"}, {"it", "schermo più piccolo"}, {"fr", "écran plus petit"}}},
      {"long_battery",
       K::kMaximize,
       {"battery_life"},
       {{"en", "long battery life"}, {"it", "batteria lunga"}, {"fr", "grande autonomie"}}},
      {"light", K::kMinimize, {"weight"}, {{"en", "light"}, {"it", "leggero"}, {"fr", "léger"}}},
      {"fast",
       K::kMaximize,
       {"boost_clock", "core_clock", "memory_speed", "speed"},
       {{"en", "fast"}, {"it", "veloce"}, {"fr", "rapide"}}},
      {"more_cores",
       K::kMaximize,
       {"core_count"},
       {{"en", "more cores"}, {"it", "più core"}, {"fr", "plus de cœurs"}}},
  };
  return *kBuiltins;
}

}  // namespace chatcart
