// fuzz_csv.cc — the CSV reader, with and without a header.
#include "fuzz/fuzz_util.h"
#include "publicinput/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace charter;
  if (size == 0) return 0;
  CsvOptions o;
  o.header = data[0] % 2 == 0;
  Result<CsvTable> t = ParseCsv(fuzz::Bytes(data + 1, size - 1), "f.csv", o);
  if (t) {
    if (t->rows.size() != t->lines.size()) __builtin_trap();
    for (const auto& row : t->rows)
      if (o.header && row.size() != t->header.size()) __builtin_trap();
  }
  return 0;
}
