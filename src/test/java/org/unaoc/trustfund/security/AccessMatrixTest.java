package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;

/**
 * Generated from the mapped endpoints: each API endpoint has a rule in {@link AccessRules}, and
 * every demo user gets the answer the rule says — 403 for a role the rule leaves out, never 401
 * or 403 for one it names.
 */
class AccessMatrixTest extends ApiTest {

    private static final Map<String, Set<Role>> USERS = Map.of(
            "finance", Set.of(Role.FINANCE_OFFICER), "approver", Set.of(Role.APPROVER), "auditor", Set.of(Role.AUDITOR),
            "author", Set.of(Role.REPORT_AUTHOR), "spain", Set.of(Role.CO_SPONSOR), "turkey", Set.of(Role.CO_SPONSOR),
            "qatar", Set.of(Role.DONOR), "admin", Set.of(Role.ADMIN));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private record Endpoint(HttpMethod method, String pattern) {
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (pattern.contains("{name}")) {
                        for (String statement : org.unaoc.trustfund.statements.Statements.NAMES) {
                            endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern.replace("{name}", statement)));
                        }
                    } else {
                        endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern));
                    }
                }
            }
        }
        return endpoints;
    }

    private static AccessRules.Rule rule(Endpoint endpoint) {
        AntPathMatcher matcher = new AntPathMatcher();
        String concrete = concrete(endpoint.pattern());
        return AccessRules.RULES.stream().filter(r -> r.method().equals(endpoint.method()) && matcher.match(r.pattern(), concrete))
                .findFirst().orElse(null);
    }

    /** The path with harmless values: ids that do not exist, a period that is not a month. */
    private static String concrete(String pattern) {
        return pattern.replace("{id}", "987654321").replace("{code}", "0000").replace("{period}", "not-a-month")
                .replace("{number}", "1").replace("{n}", "1");
    }

    @Test
    void every_api_endpoint_has_a_rule() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(40);
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(rule(endpoint)).as("rule for %s", endpoint).isNotNull());
    }

    @Test
    void every_role_gets_the_answer_the_matrix_says() {
        for (Endpoint endpoint : endpoints()) {
            AccessRules.Rule rule = rule(endpoint);
            String path = concrete(endpoint.pattern());
            for (var user : USERS.entrySet()) {
                boolean allowed = user.getValue().stream().anyMatch(rule.roles()::contains);
                HttpRequest.Builder request = api().request(user.getKey(), path);
                HttpRequest built = endpoint.method() == HttpMethod.GET ? request.GET().build()
                        : request.header("Content-Type", "application/json")
                                .method(endpoint.method().name(), HttpRequest.BodyPublishers.ofString("{}")).build();
                Api.Response response = api().send(built);
                String context = endpoint.method() + " " + path + " as " + user.getKey() + ": " + response.text();
                if (allowed) {
                    assertThat(response.status()).as(context).isNotIn(401, 403);
                } else {
                    assertThat(response.status()).as(context).isEqualTo(403);
                }
                assertThat(response.status()).as(context).isLessThan(500);
            }
        }
    }
}
