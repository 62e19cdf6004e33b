# tidings — build, test, evaluate, benchmark.
#
#   make            library (build/libtidings.a) and command (build/tidings)
#   make example    analyse the bundled example article
#   make test       unit and command-line tests
#   make san        the same tests under AddressSanitizer + UBSan (build-san/)
#   make tsan       a many-threaded run under ThreadSanitizer (build-tsan/)
#   make fuzz       libFuzzer targets (build-fuzz/), FUZZ_SECONDS each
#   make eval       scores on ../shared/eval, one table
#   make bench      throughput and peak memory
#
# Sources are found by wildcard: a new file under src/ joins the library,
# tests/unit/test_*.c becomes a test program, fuzz/fuzz_*.c a fuzz target.

CC      ?= cc
BUILD   ?= build
SHARED  ?= $(abspath ../shared)
WERROR  ?= -Werror
OPT     ?= -O2
PKGS    := libxml-2.0 libutf8proc zlib sqlite3
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS  ?= $(OPT) -g
ALL_CFLAGS := -std=c17 -D_GNU_SOURCE \
	-Wall -Wextra $(WERROR) -Wno-missing-field-initializers \
	-Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS) $(SANFLAGS) \
	-DTD_DATA_DIR='"$(abspath data)"' -DTD_MODEL_DIR='"$(abspath models)"'
LDLIBS  := $(PKG_LIBS) -lpthread -lm

LIB_SRC  := $(sort $(wildcard src/*.c src/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC  := $(sort $(wildcard cli/*.c))
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))

.PHONY: all test san tsan fuzz eval bench clean tests-bin example
all: $(BUILD)/tidings

# V=1 shows the full compiler lines
Q := $(if $(V),,@)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libtidings.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/tidings: $(CLI_OBJ) $(BUILD)/libtidings.a
	@$(if $(Q),echo "  LD $@")
	$(Q)$(CC) $(ALL_CFLAGS) $^ $(LDLIBS) -o $@

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libtidings.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit $< $(BUILD)/libtidings.a $(LDLIBS) -o $@

# the bundled example article, analysed (README's first command)
example: $(BUILD)/tidings
	@$(BUILD)/tidings read --date 2026-03-10 --pretty examples/*.txt

tests-bin: $(TEST_BIN) $(BUILD)/tidings

test: tests-bin
	@TIDINGS=$(BUILD)/tidings TEST_BIN_DIR=$(BUILD)/tests SHARED=$(SHARED) tests/run.sh

san:
	$(MAKE) BUILD=build-san OPT=-O1 \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" test

# ThreadSanitizer over a many-threaded run of the whole pipeline
tsan:
	$(MAKE) BUILD=build-tsan OPT=-O1 SANFLAGS="-fsanitize=thread" build-tsan/tidings
	@TIDINGS=build-tsan/tidings SHARED=$(SHARED) tests/tsan.sh

FUZZ_SECONDS ?= 60
fuzz:
	@mkdir -p build-fuzz
	@for f in $(FUZZ_SRC); do \
	  n=$$(basename $$f .c); \
	  $(MAKE) --no-print-directory BUILD=build-fuzz/obj CC=clang OPT=-O1 WERROR=$(WERROR) \
	    SANFLAGS="-fsanitize=fuzzer-no-link,address,undefined" build-fuzz/obj/libtidings.a || exit 1; \
	  clang -std=c17 -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS) -g -O1 \
	    -fsanitize=fuzzer,address,undefined $$f build-fuzz/obj/libtidings.a $(LDLIBS) -o build-fuzz/$$n || exit 1; \
	  mkdir -p build-fuzz/corpus-$$n; \
	  seeds=""; [ -d fuzz/seeds/$$n ] && seeds=fuzz/seeds/$$n; \
	  echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
	  build-fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=0 build-fuzz/corpus-$$n $$seeds 2>build-fuzz/$$n.log \
	    || { tail -40 build-fuzz/$$n.log; exit 1; }; \
	  grep -E '^Done [0-9]+ runs' build-fuzz/$$n.log | tail -1; \
	done

eval: $(BUILD)/tidings
	@TIDINGS=$(BUILD)/tidings SHARED=$(SHARED) eval/run.sh

bench: $(BUILD)/tidings
	@TIDINGS=$(BUILD)/tidings SHARED=$(SHARED) bench/run.sh

clean:
	rm -rf build build-san build-tsan build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
