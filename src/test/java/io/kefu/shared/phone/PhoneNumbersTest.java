package io.kefu.shared.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "138 1234 5678|13812345678",
            "138-1234-5678|13812345678",
            "13812345678|13812345678",
            "+86 138 1234 5678|13812345678",
            "010-12345678|010-12345678",
            "010 1234 5678|010-12345678",
            "01012345678|010-12345678",
            "(021)87654321|021-87654321",
            "0755-1234567|0755-1234567",
            "0755-12345678-801|0755-12345678-801",
            "075512345678|0755-12345678"})
    void numbersTypedTheUsualWayAreReadInOneShape(String typed, String kept) {
        assertThat(PhoneNumbers.normalise(typed)).contains(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "12812345678", "1381234567", "138123456789", "12-3456789", "010-123456",
            "0755-123456789", "abc", "010-12345678-1234567", "0101-2345678x"})
    void whatIsNeitherMobileNorLandlineIsRefused(String typed) {
        assertThat(PhoneNumbers.isValid(typed)).isFalse();
    }
}
