// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Compatibility: the platforms a product must work with, named anywhere in
// the utterance ("for an iPhone 5", "works with Android", "my wife's Windows
// phone", "compatible avec Android", "per iPhone"). Every platform named is
// reported, each as a canonical id from this table (extendable through
// EntityExtractorOptions::compatibility):
//
//   iphone          iphone, i-phone, ios, apple phone
//   ipad            ipad, ipados
//   android         android, android phone, google pixel, samsung galaxy, and
//                   the devices of devices.h (Pixel 6, OnePlus, Xiaomi...)
//   windows_phone   windows phone, windows mobile, lumia, "HTC Windows 8 phone"
//   windows         windows, windows pc, Surface, ThinkPad, XPS
//   mac             mac, macbook, imac, macos, mac os, os x
//   linux           linux, ubuntu
//   chromebook      chromebook, chrome os, chromeos
//   playstation     playstation, ps3, ps4, ps5
//   xbox            xbox
//   nintendo_switch nintendo switch
//
// A model after the name is part of the span ("iPhone 15 Pro", "iphone15",
// "Windows 11"); the value stays the platform. A cue before ("for", "works
// with", "per", "compatibile con", "pour", "compatible avec") raises the
// confidence.
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_COMPATIBILITY_H_
#define CHATCART_ENTITIES_COMPATIBILITY_H_

#include <string_view>
#include <vector>

#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

// Adds the built-in platforms, model suffixes and cues of `language`.
void AddCompatibilityWords(text::Language language, LexiconBuilder* lexicon);

// Adds one platform phrase with its canonical id.
void AddPlatform(std::string_view phrase, std::string_view value, LexiconBuilder* lexicon);

// Proposes "compatibility" candidates.
void FindCompatibility(const Scan& scan, std::vector<Candidate>* out);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_COMPATIBILITY_H_
