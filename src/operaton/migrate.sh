#!/usr/bin/env bash
# Rewrites a copy of OpenNRM from Camunda 7.24 to Operaton (ADR 42). Plain text substitution, in the order below;
# every rule is one line so that what differs between the two builds can be read here. Run on a copy only:
#   src/operaton/migrate.sh <copy of the repository> [operaton version]
set -euo pipefail

copy=${1:?usage: migrate.sh <copy> [operaton version]}
version=${2:-1.0.3}
here=$(cd "$(dirname "$0")" && pwd)
cd "$copy"

# The files we rewrite: the build, the service, its tests, its configuration and models. Not src/bench, src/docs.
mapfile -d '' files < <(find pom.xml src/main src/test config processes -type f \
	\( -name '*.java' -o -name '*.xml' -o -name '*.yml' -o -name '*.yaml' -o -name '*.properties' -o -name '*.json' \
	-o -name '*.js' -o -name '*.mjs' -o -name '*.html' -o -name '*.bpmn' -o -name '*.dmn' -o -name '*.form' \
	-o -name '*.css' -o -name '*.sql' -o -name '*.md' -o -name '*.imports' \) -not -path '*/node_modules/*' -print0)

substitute() { # perl expression, applied to every file above that it changes
	perl -0pi -e "$1" "${files[@]}"
}

# 1. Java packages, as Operaton's ChangePackage recipe renames them (org.camunda.feel and others stay).
substitute 's/\borg\.camunda\.(bpm|spin|commons|connect)\b/org.operaton.$1/g'
# The engine's mocks for process tests moved out of its test package.
substitute 's/\borg\.operaton\.bpm\.engine\.test\.mock\b/org.operaton.bpm.engine.impl.mock/g'
# The model API's Camunda extension attributes: getCamundaFormRef() is getOperatonFormRef(), builder.camundaX() is
# builder.operatonX().
substitute 's/\b(get|set|is)Camunda(?=[A-Z])/$1Operaton/g'
substitute 's/\.camunda(?=[A-Z][A-Za-z]*\()/.operaton/g'
# The test coverage extension has no Operaton release yet: a stand-in with the same API is added below.
substitute 's/\borg\.camunda\.community\.process_test_coverage\b/org.operaton.community.process_test_coverage/g'

# 2. Maven coordinates: the BOM, the starters, the Spin plugin. Four test and JSON libraries have no Operaton 1.0.x
# build on Maven Central: JUnit 5's extension is the engine's junit5 jar, camunda-bpm-assert and Spin's JSON format
# are Camunda's, relocated to Operaton's packages (src/operaton/relocated), and the coverage extension is a stand-in
# in the test sources (step 9).
perl -0pi -e '
	s{<camunda\.version>[^<]*</camunda\.version>}{<operaton.version>'"$version"'</operaton.version>};
	s{\$\{camunda\.version\}}{\${operaton.version}}g;
	s{<groupId>org\.operaton\.spin</groupId>(\s*)<artifactId>camunda-spin-dataformat-json-jackson</artifactId>}
	 {<groupId>org.opennrm.operaton</groupId>$1<artifactId>operaton-spin-dataformat-json-jackson-relocated</artifactId>$1<version>7.24.0</version>};
	s{<groupId>org\.operaton\.bpm</groupId>(\s*)<artifactId>camunda-bpm-assert</artifactId>}
	 {<groupId>org.opennrm.operaton</groupId>$1<artifactId>operaton-bpm-assert-relocated</artifactId>$1<version>7.24.0</version>};
	s{<artifactId>camunda-bpm-junit5</artifactId>(\s*)}{<artifactId>operaton-engine</artifactId>$1<classifier>junit5</classifier>$1};
	s{<artifactId>camunda-}{<artifactId>operaton-}g;
	s{\s*<dependency>\s*<groupId>org\.operaton\.community\.process_test_coverage</groupId>.*?</dependency>}{}s;
	s{\s*<process-test-coverage\.version>[^<]*</process-test-coverage\.version>}{};
' pom.xml

# 3. Configuration properties: camunda.bpm.* is operaton.bpm.*.
substitute 's/^camunda:$/operaton:/mg'
substitute 's/\bcamunda\.bpm\./operaton.bpm./g'

# 4. The webapps live under /operaton (and their webjar under webjars/operaton), the welcome page too.
substitute 's{/camunda(?=/|\x27|"|`|\)|\?|$)}{/operaton}mg'
substitute 's{/camunda-welcome\b}{/operaton-welcome}g'
substitute 's{webjars/camunda/}{webjars/operaton/}g'
substitute 's{\\/camunda\\/}{\\/operaton\\/}g'

# 5. The administrators' group the engine and the webapps know: camunda-admin is operaton-admin.
substitute 's/\bcamunda-admin\b/operaton-admin/g'

# 6. The webapps' words: Operaton's webapps name their vendor Operaton and have no Camunda CE end-of-life banner.
perl -0pi -e 's/^\s*"BANNER_CE_EOL_TEXT": "(?:[^"\\]|\\.)*",\n//mg; s/\bCamunda\b/Operaton/g' config/i18n/webapps/*/*.json

# 7. The product's name where our code lists names that stay as they are (not transliterated, not translated).
substitute 's/"Camunda"/"Operaton"/g'

# 8. Engine configuration file names the engine looks for.
substitute 's/\bcamunda\.cfg\.xml\b/operaton.cfg.xml/g'

# 9. What Operaton lacks, added to the copy (ADR 42 says why each file is there).
cp -R "$here/overlay/." .

# Last, as every rule above reads the old paths: the webapps' customisations move with the webjar.
mv src/main/resources/META-INF/resources/webjars/camunda src/main/resources/META-INF/resources/webjars/operaton
