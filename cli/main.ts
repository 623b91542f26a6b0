// placeholder: replaced by its layer's implementation
export {};
