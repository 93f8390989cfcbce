// lang.h — language detection by stopword counts (internal to src/load).
//
// Tokenizes the start of the text (about 20 KB) into lowercase letter runs
// (apostrophes split: "l'homme" -> "l", "homme") and counts, per candidate
// language, the tokens found in its rules/<lang>/stopwords.txt. The language
// covering the most tokens wins; a tie, or no evidence at all, goes to "en"
// when it is a candidate, else to the first candidate in code order. Frequent
// function words decide a language within a sentence or two and need no model.
// Detection stops early (at a 2 KiB step) once one language has 50 hits and
// three times the runner-up's; the rest of the sample could not change that.
//
// Thread-safe: pure function.
//
//   std::map<std::string, std::vector<std::string>> langs = {{"en", {"the", "of"}}, ...};
//   std::string lang = DetectLanguage("Toute personne a droit à la vie", langs);  // "fr"
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace charter::load {

// How many bytes from the start of the text detection reads. Default: 20 KiB.
inline constexpr size_t kLanguageSampleBytes = 20u << 10;

// The detected language code; "" only when `languages` is empty. With
// `share`, also the share of the words read that are stopwords of that
// language (0 when no word was read): a text in it scores 0.4 or more, one in
// a language without a list (Turkish, Arabic ...) a few percent.
std::string DetectLanguage(std::string_view text,
                           const std::map<std::string, std::vector<std::string>>& languages,
                           double* share = nullptr);

// Stopword hits per language over the sample (for tests and diagnostics).
std::map<std::string, int> StopwordHits(
    std::string_view text, const std::map<std::string, std::vector<std::string>>& languages);

}  // namespace charter::load
