# Trust Fund Ledger. `make run` starts the product, `make test` runs every test.
# The default java on these machines is 17: find a JDK 25 under /usr/lib/jvm unless JAVA_HOME is one.

JDK25 := $(shell for d in "$$JAVA_HOME" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/jdk-25*; do \
	  [ -x "$$d/bin/java" ] && "$$d/bin/java" -version 2>&1 | grep -q 'version "25' && { echo "$$d"; break; }; done)
export JAVA_HOME := $(JDK25)
MVN := mvn -B -q -Dstyle.color=never

.PHONY: run test jooq bench chaos flood package check-jdk clean browser-tools simulate

check-jdk:
	@if [ -z "$(JDK25)" ]; then \
	  echo "No JDK 25 found. Install one (e.g. Temurin 25 under /usr/lib/jvm) or set JAVA_HOME to it." >&2; exit 1; fi

run: check-jdk
	$(MVN) -DskipTests package
	java_bin="$(JDK25)/bin/java"; exec "$$java_bin" -jar target/trust-fund-ledger-*.jar

test: check-jdk browser-tools
	mvn -B -Dstyle.color=never verify $(MAVEN_ARGS)

# What the browser tests need: Debian's Chromium (no browser download) and the npm packages of
# src/test/browser (playwright-core, @axe-core/playwright), installed once.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-tools:
	@[ -x /usr/bin/chromium ] || { $(SUDO) apt-get update -q && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
	@[ -d src/test/browser/node_modules/playwright-core ] || npm ci --prefix src/test/browser --no-audit --no-fund

# Regenerate src/main/jooq from db/migration against a real (embedded) PostgreSQL.
# The generator is compiled on its own, so that it runs even while the main code does not compile.
jooq: check-jdk
	$(MVN) dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jooq-classpath.txt
	rm -rf target/jooq-generator && mkdir -p target/jooq-generator
	"$(JDK25)/bin/javac" -d target/jooq-generator -cp "$$(cat target/jooq-classpath.txt)" \
	  src/main/java/org/unaoc/trustfund/system/EmbeddedDatabase.java \
	  src/test/java/org/unaoc/trustfund/system/JooqGenerator.java
	"$(JDK25)/bin/java" -cp "target/jooq-generator:$$(cat target/jooq-classpath.txt)" \
	  org.unaoc.trustfund.system.JooqGenerator src/main/jooq

# Throughput, latency, memory and statement times against raw PostgreSQL, in one run:
# the table is printed and written to target/bench/bench.md and bench.json.
# Profile the posting alone: make bench BENCH_ARGS="-Dbench.only=posting -XX:StartFlightRecording=filename=target/bench/posting.jfr"
# then: jfr view hot-methods target/bench/posting.jfr
bench: check-jdk
	$(MVN) -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
	"$(JDK25)/bin/java" -Xmx512m $(BENCH_ARGS) -cp "target/test-classes:target/classes:$$(cat target/bench-classpath.txt)" \
	  org.unaoc.trustfund.bench.Bench

# Fault tests with the application as its own process: kill -9 during an import, PostgreSQL
# stopped for 10 s under load.
# Issue #18's login flood at full size: 3,000 failed logins with user names of a million characters
# (make test sends 300); the heap stays where it was and no audit row is over 200 bytes.
flood: check-jdk
	mvn -B -Dstyle.color=never verify -Dtest=LoginFloodTest -Dsurefire.failIfNoSpecifiedTests=false -Dflood.logins=3000

chaos: check-jdk
	$(MVN) -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/chaos-classpath.txt
	"$(JDK25)/bin/java" -cp "target/test-classes:target/classes:$$(cat target/chaos-classpath.txt)" \
	  org.unaoc.trustfund.chaos.Chaos "$$(ls target/trust-fund-ledger-*.jar | head -1)"

package: check-jdk
	$(MVN) -DskipTests package

clean:
	mvn -B -q clean

# The seeded simulation (src/test/java/.../simulation): SEED=N replays one seed, SEEDS=N runs many
# (OPERATIONS=N operations each) and ends with "N seeds, M operations, K violations".
# Every kind of operation is generated unless WITHOUT names some (make test leaves out those whose
# defects #15 owns: late-rates).
SEEDS ?= 200
OPERATIONS ?= 260
WITHOUT ?=
simulate: check-jdk
	mvn -B -Dstyle.color=never test -Dtest=SimulationTest -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dsimulation.seeds=$(SEEDS) -Dsimulation.operations=$(OPERATIONS) $(if $(SEED),-Dsimulation.seed=$(SEED)) \
	  -Dsimulation.without=$(WITHOUT) $(MAVEN_ARGS)
