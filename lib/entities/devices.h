// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The device lexicon: phone, tablet and computer names that tell which
// platform a shopper's device runs, for the "compatibility" entity
// (compatibility.h). Shipped for common devices; a bundle adds its own
// through EntityExtractorOptions::compatibility (the bundle's
// `understanding { device { ... } }`).
//
//   iphone          iPhone (any model: "iPhone5", "iphone 6s", "iPhone 12 or 13")
//   ipad            iPad, iPad Air/Pro/mini
//   android         Galaxy (S7, A52, Note, Tab), Pixel 6, OnePlus, Xiaomi, Redmi,
//                   Huawei, Oppo, Realme, Motorola, Moto G, Xperia, HTC One,
//                   Kindle Fire; Samsung, Nokia, HTC, LG with a cue ("my Samsung")
//   windows_phone   Lumia, Nokia Lumia, "HTC Windows 8 phone", "telefono Windows"
//   windows         Surface (Pro, Go, Laptop, Book), ThinkPad, IdeaPad, XPS
//   mac             MacBook (Air, Pro), iMac, Mac mini, Mac Studio
//   chromebook      Chromebook
//
// Makers said before a device join its span ("Samsung Galaxy S21", "Dell XPS
// 13", "Sony Xperia"); a model, a model word and a year after it too
// ("Huawei P20 lite", "MacBook Air 2015"). Names that mean other things
// alone ("pixel", "surface", "moto") need a model or a cue ("my Surface").
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_DEVICES_H_
#define CHATCART_ENTITIES_DEVICES_H_

#include "entities/lexicon.h"
#include "text/language.h"

namespace chatcart::entities {

// Adds the built-in device names, makers, model words and phone words.
void AddDeviceWords(text::Language language, LexiconBuilder* lexicon);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_DEVICES_H_
