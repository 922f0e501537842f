/** A manifest field name written as a title (`containerPort`, `targetPort`): one lowerCamel identifier. */
export const YAML_FIELD = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/;
