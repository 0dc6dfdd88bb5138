package org.unaoc.trustfund.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Money and rates leave as exact decimal strings ("1250000.00"), never as JSON numbers, and come
     * in, as a string or a number, only within {@link DecimalLimits}.
     */
    @Bean
    JsonMapperBuilderCustomizer decimalsAsStrings() {
        SimpleModule module = new SimpleModule("decimals-as-strings");
        module.addDeserializer(BigDecimal.class, new StdDeserializer<BigDecimal>(BigDecimal.class) {
            @Override
            public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
                BigDecimal value;
                if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT || parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                    value = parser.getDecimalValue();
                } else if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    String text = parser.getString().strip();
                    try {
                        value = new BigDecimal(text);
                    } catch (NumberFormatException e) {
                        throw context.weirdStringException(text, BigDecimal.class, "not a decimal");
                    }
                } else {
                    return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
                }
                String field = parser.currentName();
                return DecimalLimits.checked(value, field == null ? "value" : field);
            }
        });
        module.addSerializer(BigDecimal.class, new ValueSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(value.toPlainString());
            }
        });
        return builder -> builder.addModule(module);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(IdempotencyKeyRequired.class)
                        && request.getHeader(RequestTransactions.KEY_HEADER) == null) {
                    throw new Problem(HttpStatus.BAD_REQUEST, "idempotency-key-missing", "Idempotency-Key missing",
                            "This request creates financial records: send an Idempotency-Key header (1-255 characters, "
                                    + "for example a UUID) so that a retry never posts twice.");
                }
                return true;
            }
        });
    }
}
