package org.agora;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Bean Validation reports a field's violations in no particular order; forms show the first one. This validator
 * reports them in a fixed order — a missing value, then a wrong length, then a wrong format — so that a person is told
 * the most basic problem first, and always the same one. Messages are read from the message bundles.
 */
@Configuration(proxyBeanMethods = false)
class OrderedValidation {

    @Bean
    static LocalValidatorFactoryBean defaultValidator(ApplicationContext context) {
        LocalValidatorFactoryBean validator = new OrderedViolations();
        validator.setMessageInterpolator(new MessageInterpolatorFactory(context).getObject());
        return validator;
    }

    static final class OrderedViolations extends LocalValidatorFactoryBean {

        private static final Comparator<ConstraintViolation<Object>> ORDER = Comparator
                .<ConstraintViolation<Object>>comparingInt(violation -> rank(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()))
                .thenComparing(violation -> violation.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage);

        @Override
        protected void processConstraintViolations(Set<ConstraintViolation<Object>> violations, Errors errors) {
            Set<ConstraintViolation<Object>> ordered = new LinkedHashSet<>();
            violations.stream().sorted(ORDER).forEach(ordered::add);
            super.processConstraintViolations(ordered, errors);
        }

        private static int rank(String constraint) {
            return switch (constraint) {
                case "NotNull", "NotBlank", "NotEmpty" -> 0;
                case "Size", "Min", "Max", "DecimalMin", "DecimalMax" -> 1;
                case "Pattern", "Email" -> 2;
                default -> 3;
            };
        }
    }
}
