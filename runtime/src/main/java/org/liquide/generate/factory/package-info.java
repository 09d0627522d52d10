/**
 * From a {@link org.liquide.generate.ModelSpec} to a running {@link org.liquide.generate.ImageGenerator}: which kind of
 * model a spec names ({@link org.liquide.generate.factory.ModelKind}), opening it
 * ({@link org.liquide.generate.factory.GeneratorFactory}) and checking it ({@link org.liquide.generate.factory.ModelChecker}).
 * It sits above every generator package, so that the generators depend on the contract in
 * {@code org.liquide.generate} and never on each other.
 */
package org.liquide.generate.factory;
