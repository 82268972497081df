/**
 * What every feature builds on and no feature owns: problem details for errors ({@code web}), the clock, zone and
 * working hours ({@code time}), phone-number handling ({@code phone}), CSV export ({@code export}) and the common
 * exceptions. It depends on no feature.
 * <p>
 * Declared an open module so its sub-packages are usable everywhere without naming each one; it is the only open
 * module, and it must stay free of feature types (ModularityTests fails on any dependency from here to a feature).
 */
@ApplicationModule(displayName = "Shared infrastructure", type = ApplicationModule.Type.OPEN)
package io.kefu.shared;

import org.springframework.modulith.ApplicationModule;
