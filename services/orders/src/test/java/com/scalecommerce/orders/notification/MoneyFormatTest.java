package com.scalecommerce.orders.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyFormatTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1234     | EUR | €12.34",
                "1234     | USD | $12.34",
                "123456   | USD | $1,234.56",
                "5        | GBP | £0.05",
                "0        | EUR | €0.00",
                "-500     | EUR | -€5.00",
                "500      | JPY | ¥500",
                "1250     | BHD | BHD 1.250",
                "1200     | CHF | CHF 12.00",
                "999      | CAD | CA$9.99",
                "42       | ZZZ | ZZZ 42",
            })
    void amountsAreShownWithTheCurrencysSymbolAndDecimals(long minor, String currency, String shown) {
        assertThat(MoneyFormat.format(minor, currency)).isEqualTo(shown);
    }
}
