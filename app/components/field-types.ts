/**
 * Conform's field metadata is generic over the whole form's shape. The field components render one
 * field whatever form it sits in, so that shape is left open here, and only here.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { FieldMetadata, FormMetadata } from "@conform-to/react";

export type FieldOf<Value> = FieldMetadata<Value, any, any>;
export type AnyField = FieldMetadata<any, any, any>;
export type AnyForm = FormMetadata<any>;
/** A field that holds an object (a row, a band): its sub-fields come from `getFieldset()`. */
export type ObjectField = FieldOf<Record<string, unknown>>;
