package org.unaoc.trustfund.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The web pages: a login form, a session, CSRF tokens on every form and htmx request, and the
 * page rules of {@link AccessRules#PAGES}. A page without a rule is refused.
 */
@Configuration(proxyBeanMethods = false)
class WebPagesSecurity {

    static final HttpSessionCsrfTokenRepository CSRF_TOKENS = new HttpSessionCsrfTokenRepository();
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** A write to the API from a browser session (not HTTP Basic) must carry the page's CSRF token. */
    static boolean isBrowserWrite(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, ProblemWriter problems) throws Exception {
        http.authenticationManager(authentication)
                .csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll()
                        // the form keeps the user name it was given, if it can be one (never the password)
                        .failureHandler((request, response, e) -> {
                            String name = String.valueOf(request.getParameter("username"));
                            response.sendRedirect(name.length() > VerifiedCredentials.MAX_USERNAME ? "/login?failed"
                                    : UriComponentsBuilder.fromPath("/login").queryParam("failed").queryParam("username", "{name}")
                                            .encode().buildAndExpand(name).toUriString());
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?out").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'self'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
                    RefusalAudit.note(request, RefusalAudit.why(e));
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType("text/html;charset=UTF-8");
                    response.getOutputStream().write(("<!doctype html><html lang=\"en\"><head><title>Not allowed</title>"
                            + "<link rel=\"stylesheet\" href=\"/css/ledger.css\"></head><body><main><h1>Not allowed</h1>"
                            + "<p>Your role does not open this page. <a href=\"/\">Back to your home page</a>.</p>"
                            + "</main></body></html>").getBytes(StandardCharsets.UTF_8));
                }))
                .addFilterBefore(new UnlistedRequests(AccessRules.pages(), problems), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/error").permitAll(); // the error dispatch of any method
                    SecurityConfiguration.decide(requests, AccessRules.pages());
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }
}
